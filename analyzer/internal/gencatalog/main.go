// Command gencatalog writes rego/seslint/catalog/data.json, the SES facts
// the rules use (actions, resource-level support, resource types and ARN
// formats, condition keys, partitions, regions), from the project's catalog
// of AWS facts (shared/spec/ses-iam-catalog.json).
//
// It is run by go generate in package rego; TestCatalogUpToDate checks that
// the checked-in data matches the catalog.
package main

import (
	"bytes"
	"strconv"

	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
	"os"
	"regexp"
	"slices"
	"strings"
)

type catalog struct {
	Source struct {
		Repository string `json:"repository"`
		Path       string `json:"path"`
		Commit     string `json:"commit"`
		Date       string `json:"date"`
	} `json:"source"`
	Actions []struct {
		Name          string `json:"name"`
		AccessLevel   string `json:"access_level"`
		ResourceTypes []struct {
			Type     string `json:"type"`
			Required bool   `json:"required"`
		} `json:"resource_types"`
		ConditionKeys   []string `json:"condition_keys"`
		ResourceLevel   string   `json:"supports_resource_level_permissions"`
		APIVersion      string   `json:"api_version"`
		PermissionOnly  bool     `json:"permission_only"`
		DocumentedIn    []string `json:"documented_in"`
		RequiresStarIn  []string `json:"requires_resource_star_in"`
		DependentAction []string `json:"dependent_actions"`
	} `json:"actions"`
	ResourceTypes []struct {
		Type  string `json:"type"`
		ARN   string `json:"arn"`
		Regex string `json:"arn_regex_derived"`
	} `json:"resource_types"`
	ConditionKeys []struct {
		Name string `json:"name"`
		Type string `json:"type"`
	} `json:"condition_keys"`
	SendingActions []string `json:"sending_actions"`
	IdentityPolicy struct {
		AllowedActions       []string `json:"allowed_actions"`
		SendingAuthorization []string `json:"sending_authorization_actions"`
		SESConditionKeys     []string `json:"ses_condition_keys"`
		GlobalConditionKeys  []string `json:"global_condition_keys"`
	} `json:"identity_policy"`
	Partitions struct {
		All                map[string]string `json:"all"`
		WithExplicitRegion []string          `json:"with_explicit_ses_regions"`
	} `json:"partitions"`
	Regions map[string]json.RawMessage `json:"ses_regions"`
}

// globalConditionKeys are the AWS global condition context keys (IAM User
// Guide, "AWS global condition context keys"). The SES catalog lists only
// the service's own keys; a policy may use any of these in an SES statement.
// Keys ending in "/" take a tag or variable suffix.
var globalConditionKeys = []string{
	"aws:CalledVia", "aws:CalledViaFirst", "aws:CalledViaLast", "aws:CurrentTime",
	"aws:EpochTime", "aws:FederatedProvider", "aws:MultiFactorAuthAge",
	"aws:MultiFactorAuthPresent", "aws:PrincipalAccount", "aws:PrincipalArn",
	"aws:PrincipalIsAWSService", "aws:PrincipalOrgID", "aws:PrincipalOrgPaths",
	"aws:PrincipalServiceName", "aws:PrincipalServiceNamesList", "aws:PrincipalTag/",
	"aws:PrincipalType", "aws:Referer", "aws:RequestedRegion", "aws:RequestTag/",
	"aws:ResourceAccount", "aws:ResourceOrgID", "aws:ResourceOrgPaths", "aws:ResourceTag/",
	"aws:SecureTransport", "aws:SourceAccount", "aws:SourceArn", "aws:SourceIdentity",
	"aws:SourceIp", "aws:SourceOrgID", "aws:SourceOrgPaths", "aws:SourceVpc",
	"aws:SourceVpce", "aws:TagKeys", "aws:TokenIssueTime", "aws:UserAgent", "aws:userid",
	"aws:username", "aws:ViaAWSService", "aws:VpcSourceIp", "aws:Ec2InstanceSourceVpc",
	"aws:Ec2InstanceSourcePrivateIPv4", "aws:SourceVpcArn", "aws:VpceAccount",
	"aws:VpceOrgID", "aws:VpceOrgPaths", "aws:IsMcpServiceAction",
}

// managementPattern picks the actions that change who may send as an
// identity: identities, DKIM and identity policies (the broad-management
// rule lists them).
var managementPattern = regexp.MustCompile(`Identity|Dkim|VerifyEmailAddress|DeleteVerifiedEmailAddress`)

func main() {
	in := flag.String("in", "../../shared/spec/ses-iam-catalog.json", "the catalog of AWS facts")
	out := flag.String("out", "seslint/catalog/data.json", "the data file to write")
	regoOut := flag.String("rego", "seslint/lib/catalog.rego", "the Rego file of constant action sets to write")
	flag.Parse()
	raw, err := os.ReadFile(*in)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencatalog:", err)
		os.Exit(2)
	}
	data, err := Generate(raw)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencatalog:", err)
		os.Exit(2)
	}
	sets, err := GenerateRego(raw)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencatalog:", err)
		os.Exit(2)
	}
	for name, b := range map[string][]byte{*out: data, *regoOut: sets} {
		if err := os.WriteFile(name, b, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gencatalog:", err)
			os.Exit(2)
		}
	}
}

// GenerateRego writes the catalog's action sets as Rego set literals.
// Literals are built once, when the rules compile; a set built from
// data.json would be built again on every evaluation.
func GenerateRego(raw []byte) ([]byte, error) {
	var c catalog
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, fmt.Errorf("reading catalog: %w", err)
	}
	var all, star, types, partitions []string
	for _, a := range c.Actions {
		all = append(all, a.Name)
		if a.ResourceLevel == "none" {
			star = append(star, a.Name)
		}
	}
	for _, rt := range c.ResourceTypes {
		types = append(types, rt.Type)
	}
	for p := range c.Partitions.All {
		partitions = append(partitions, p)
	}
	var b bytes.Buffer
	b.WriteString("# Code generated by go generate ./rego (analyzer/internal/gencatalog) from\n")
	b.WriteString("# shared/spec/ses-iam-catalog.json; DO NOT EDIT.\n\n")
	b.WriteString("# METADATA\n# description: |\n#   The catalog's SES action sets as constants: literals cost nothing per\n#   evaluation, unlike sets built from data.seslint.catalog.\npackage seslint.lib.catalog\n\n")
	for _, set := range []struct {
		name, doc string
		items     []string
	}{
		{"all_actions", "every ses: action", all},
		{"send_actions", "the sending actions", c.SendingActions},
		{"resource_star_actions", "the actions without resource-level permissions (Resource must be \"*\")", star},
		{"identity_policy_actions", "the actions a sending authorization (identity) policy may name", c.IdentityPolicy.AllowedActions},
		{"sending_authorization_actions", "the sending actions an identity policy can delegate", c.IdentityPolicy.SendingAuthorization},
		{"resource_types", "the SES resource type names (identity, configuration-set, template, ...)", types},
		{"partitions", "the AWS partitions", partitions},
	} {
		items := sortedUnique(set.items)
		quoted := make([]string, len(items))
		for i, it := range items {
			quoted[i] = strconv.Quote(it)
		}
		fmt.Fprintf(&b, "# %s is %s.\n%s := {%s}\n\n", set.name, set.doc, set.name, strings.Join(quoted, ", "))
	}
	// The exact action names, for the common case of an action written in
	// full: one lookup of the lower-case "ses:name" instead of matching it
	// as a pattern.
	names := sortedUnique(all)
	pairs := make([]string, len(names))
	for i, n := range names {
		pairs[i] = strconv.Quote("ses:"+strings.ToLower(n)) + ": " + strconv.Quote(n)
	}
	fmt.Fprintf(&b, "# action_names maps every ses: action, in lower case, to its name.\naction_names := {%s}\n", strings.Join(pairs, ", "))
	return format.SourceWithOpts("catalog.rego", b.Bytes(), format.Opts{RegoVersion: ast.RegoV1})
}

// sortedUnique returns items sorted, without repeats, leaving items as is.
func sortedUnique(items []string) []string {
	out := slices.Clone(items)
	slices.Sort(out)
	return slices.Compact(out)
}

// Generate turns the catalog into the rules' data file.
func Generate(raw []byte) ([]byte, error) {
	var c catalog
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, fmt.Errorf("reading catalog: %w", err)
	}
	if len(c.Actions) == 0 {
		return nil, fmt.Errorf("catalog lists no actions")
	}
	sum := sha256.Sum256(raw)

	type action struct {
		Name           string   `json:"name"`
		AccessLevel    string   `json:"access_level"`
		ResourceStar   bool     `json:"resource_star"`
		ResourceTypes  []string `json:"resource_types"`
		RequiredTypes  []string `json:"required_resource_types"`
		ConditionKeys  []string `json:"condition_keys"`
		APIVersion     string   `json:"api_version"`
		PermissionOnly bool     `json:"permission_only,omitempty"`
	}
	actions := map[string]action{}
	var management []string
	for _, a := range c.Actions {
		x := action{
			Name: a.Name, AccessLevel: a.AccessLevel, ResourceStar: a.ResourceLevel == "none",
			ResourceTypes: []string{}, RequiredTypes: []string{}, ConditionKeys: a.ConditionKeys,
			APIVersion: a.APIVersion, PermissionOnly: a.PermissionOnly,
		}
		if x.ConditionKeys == nil {
			x.ConditionKeys = []string{}
		}
		for _, rt := range a.ResourceTypes {
			x.ResourceTypes = append(x.ResourceTypes, rt.Type)
			if rt.Required {
				x.RequiredTypes = append(x.RequiredTypes, rt.Type)
			}
		}
		actions[strings.ToLower(a.Name)] = x
		if managementPattern.MatchString(a.Name) && !strings.HasPrefix(a.AccessLevel, "Read") && !strings.HasPrefix(a.AccessLevel, "List") {
			management = append(management, a.Name)
		}
	}
	slices.Sort(management)

	type resourceType struct {
		ARN   string `json:"arn"`
		Regex string `json:"regex"`
	}
	resourceTypes := map[string]resourceType{}
	for _, rt := range c.ResourceTypes {
		resourceTypes[rt.Type] = resourceType{ARN: rt.ARN, Regex: rt.Regex}
	}

	type condKey struct {
		Name   string `json:"name"`
		Type   string `json:"type"`
		Prefix bool   `json:"prefix,omitempty"`
	}
	keys := map[string]condKey{}
	addKey := func(name, typ string) {
		prefix := false
		if i := strings.Index(name, "/${"); i >= 0 {
			name, prefix = name[:i+1], true
		} else if strings.HasSuffix(name, "/") {
			prefix = true
		}
		if _, ok := keys[strings.ToLower(name)]; !ok {
			keys[strings.ToLower(name)] = condKey{Name: name, Type: typ, Prefix: prefix}
		}
	}
	for _, k := range c.ConditionKeys {
		addKey(k.Name, k.Type)
	}
	for _, k := range globalConditionKeys {
		addKey(k, "")
	}

	regions := map[string]json.RawMessage{}
	for p, r := range c.Regions {
		if p != "source" {
			regions[p] = r
		}
	}

	doc := map[string]any{
		"source": map[string]any{
			"file":       "shared/spec/ses-iam-catalog.json",
			"sha256":     hex.EncodeToString(sum[:]),
			"upstream":   c.Source.Repository + "/" + c.Source.Path + "@" + c.Source.Commit,
			"date":       c.Source.Date,
			"written_by": "go generate ./rego (analyzer/internal/gencatalog)",
		},
		"actions":                        actions,
		"sending_actions":                c.SendingActions,
		"management_actions":             management,
		"sending_authorization_actions":  c.IdentityPolicy.SendingAuthorization,
		"identity_policy_actions":        c.IdentityPolicy.AllowedActions,
		"identity_policy_condition_keys": append(slices.Clone(c.IdentityPolicy.GlobalConditionKeys), c.IdentityPolicy.SESConditionKeys...),
		"condition_keys":                 keys,
		"resource_types":                 resourceTypes,
		"partitions":                     c.Partitions.All,
		"partitions_with_region_list":    c.Partitions.WithExplicitRegion,
		"regions":                        regions,
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
