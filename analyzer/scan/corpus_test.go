package scan_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/seslint/seslint/analyzer/scan"
)

const realworld = "../../../shared/corpus/realworld"

// TestRealworldJSON scans every .json file of the shared corpus of real
// public files: no file may fail, and only files that are not valid JSON
// may get SES101.
func TestRealworldJSON(t *testing.T) {
	if _, err := os.Stat(realworld); err != nil {
		t.Skipf("%s is not beside this checkout; skipping the real-world corpus", realworld)
	}
	var files []string
	err := filepath.WalkDir(realworld, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 20 {
		t.Fatalf("only %d JSON files in the corpus", len(files))
	}
	res, err := scan.Run(context.Background(), newEngine(t), files, scan.Options{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.Notifications {
		t.Errorf("%s: %s", n.Path, n.Message)
	}
	if res.Files != len(files) {
		t.Errorf("read %d of %d files", res.Files, len(files))
	}
	for _, f := range res.Findings {
		if f.Rule.ID != "SES101" {
			continue
		}
		content, err := os.ReadFile(f.File.Path)
		if err != nil {
			t.Fatal(err)
		}
		if json.Valid(content) {
			t.Errorf("%s:%d:%d: SES101 on valid JSON: %s", f.File.Path, f.Region.Start.Line, f.Region.Start.Column, f.Message)
		}
	}
	t.Logf("%d files, %d policy documents, %d findings", res.Files, res.Documents, len(res.Findings))
}

// TestRealworldCorpus scans the whole shared corpus of real public files
// (CloudFormation, SAM, CDK output, Terraform HCL and plans, policy JSON,
// peers' fixtures): nothing may fail, and only the files that are not
// valid for their own tool get SES100.
func TestRealworldCorpus(t *testing.T) {
	if _, err := os.Stat(realworld); err != nil {
		t.Skipf("%s is not beside this checkout; skipping the real-world corpus", realworld)
	}
	res, err := scan.Run(context.Background(), newEngine(t), []string{realworld}, scan.Options{Now: fixtureNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.Notifications {
		t.Errorf("%s: %s", n.Path, n.Message)
	}
	// checkov's parser tests put a block inside an object constructor
	// (`statement = [{ principals { ... } }]`): Terraform rejects both.
	invalid := map[string]bool{
		"bridgecrewio__checkov/tests/terraform/checks/data/aws/example_AdminPolicyDocument/main.tf":      true,
		"bridgecrewio__checkov/tests/terraform/checks/data/aws/example_StarActionPolicyDocument/main.tf": true,
	}
	seen := map[string]bool{}
	for _, f := range res.Findings {
		if f.Rule.ID != "SES100" {
			continue
		}
		rel := strings.TrimPrefix(f.File.Path, realworld+"/")
		if !invalid[rel] {
			t.Errorf("SES100 on %s:%d:%d: %s", rel, f.Region.Start.Line, f.Region.Start.Column, f.Message)
		}
		seen[rel] = true
	}
	for rel := range invalid {
		if !seen[rel] {
			t.Errorf("%s is invalid HCL but got no SES100", rel)
		}
	}
	t.Logf("%d files, %d policy documents, %d findings", res.Files, res.Documents, len(res.Findings))
}

// TestRealworldPins pins what seslint reports on real files, for the rules
// named, and says why each finding is right.
func TestRealworldPins(t *testing.T) {
	if _, err := os.Stat(realworld); err != nil {
		t.Skipf("%s is not beside this checkout; skipping the real-world corpus", realworld)
	}
	pins := []struct {
		file  string
		rules []string
		want  []string
		why   string
	}{
		{
			file:  "aws-samples__serverless-patterns/lambda-ses/template.yaml",
			rules: []string{"SES302", "SES301"},
			want:  []string{"30:11 SES302 ses:GetIdentityVerificationAttributes", "30:11 SES302 ses:VerifyEmailIdentity"},
			why: "SAM's own SESCrudPolicy scopes ses:GetIdentityVerificationAttributes and ses:VerifyEmailIdentity, " +
				"which take no resource (the catalog: Resource must be \"*\"), to the identity ARN: they are never granted. " +
				"The finding lands on the line invoking the template.",
		},
		{
			file:  "aws-samples__serverless-patterns/api-lambda-ses/template.yml",
			rules: []string{"SES602", "SES301", "SES302"},
			want:  []string{"70:27 SES602 ses:SendEmail allowed on \"Resource\": \"*\""},
			why:   "ses:SendEmail on Resource \"*\" without a ses:FromAddress condition may send as any verified identity (a note).",
		},
		{
			file:  "aws__serverless-application-model/tests/translator/input/all_policy_templates.yaml",
			rules: []string{"SES302", "SES301", "SES303"},
			want: []string{
				"73:9 SES302 ses:GetIdentityVerificationAttributes", "73:9 SES302 ses:VerifyEmailIdentity",
				"137:9 SES302 ses:GetIdentityVerificationAttributes", "137:9 SES302 ses:VerifyEmailIdentity",
			},
			why: "SAM's test of every policy template: SESCrudPolicy (line 73) and SESBulkTemplatedCrudPolicy (line 137) " +
				"scope actions without resource-level permissions to an identity; the _v2 templates split them out and are clean.",
		},
		{
			file:  "bridgecrewio__checkov/tests/cloudformation/checks/resource/aws/Cloudsplaining_ManagedPolicy/FAILED.yml",
			rules: []string{"SES601", "SES602", "SES603"},
			want: []string{
				"12:21 SES601 * also allows ses:PutIdentityPolicy",
				"12:21 SES603 * allows ses:PutIdentityPolicy",
				"13:23 SES602 allowed on \"Resource\": \"*\"",
			},
			why: "Action \"*\" on Resource \"*\" includes SES identity management, identity-policy changes and sending as any identity.",
		},
		{
			file:  "stelligent__cfn_nag/spec/test_templates/json/iam_policy/iam_policy_with_not_action.json",
			rules: []string{"SES601"},
			want:  []string{"16:15 SES601 NotAction also allows ses:PutIdentityPolicy"},
			why:   "An Allow with NotAction (of a non-SES action) allows every SES action, management included.",
		},
		{
			file:  "aws-cloudformation__cfn-lint/test/fixtures/templates/bad/resources/iam/iam_policy.yaml",
			rules: []string{"SES106"},
			want:  []string{"56:11 SES106 both Action and NotAction", "60:11 SES106 both Resource and NotResource"},
			why: "cfn-lint's bad IAM policy: a statement with Action and NotAction, Resource and NotResource (its NotAction " +
				"makes it cover SES); its other broken policies name no SES action and are out of seslint's scope.",
		},
		{
			file:  "alphagov__forms-deploy/infra/modules/ses/auth0.tf",
			rules: []string{"SES206", "SES207"},
			want:  []string{"38:18 SES206 ForAnyValue: on ses:FromAddress"},
			why:   "ForAnyValue:StringEquals on ses:FromAddress: a set operator on a single-valued key.",
		},
		{
			file:  "rinku-nayagpara-itp__Terraform-Practice/Terraform-task-3/cognito/ses-identity.tf",
			rules: []string{"SES402", "SES107", "SES404"},
			want:  []string{"7:22 SES402 principal \"*\" with no condition"},
			why: "aws_ses_identity_policy with Principal AWS \"*\" and no condition: anyone may send as the identity. " +
				"Its upper-case \"SES:\" action prefix is fine (action names are case-insensitive), so no SES107.",
		},
		{
			file:  "Checkmarx__kics/assets/queries/terraform/aws/ses_policy_with_allowed_iam_actions/test/positive.tf",
			rules: []string{"SES402", "SES403", "SES404"},
			want: []string{
				"9:17 SES404 * matches 203 SES actions",
				"11:16 SES402 principal \"*\"",
				"14:19 SES403 Resource \"*\" is a wildcard",
			},
			why: "A sending authorization policy (heredoc) granting Action \"*\" to Principal AWS \"*\" on Resource \"*\": " +
				"SES accepts only identity-policy actions, the identity's own ARN, and a public principal needs a condition.",
		},
		{
			file:  "aws-samples__serverless-patterns/s3-lambda-ses-terraform/deploy.tf",
			rules: []string{"SES601", "SES602", "SES603"},
			want: []string{
				"46:9 SES601 ses:* also allows ses:PutIdentityPolicy",
				"46:9 SES603 ses:* allows ses:PutIdentityPolicy",
				"49:19 SES602 allowed on \"Resource\": \"*\"",
			},
			why: "A Lambda role's heredoc policy allows ses:* on \"*\": identity management and identity-policy " +
				"changes for a function that only needs to send.",
		},
		{
			file:  "stelligent__config-lint/cli/assets/terraform/aws/ses/ses_identity_policy/wildcard_principal/tests/terraform12/wildcard_principal.tf",
			rules: []string{"SES401"},
			want: []string{
				"20:21 SES401 \"arn:aws:iam::1234567890:user/foo\"",
				"43:21 SES401 \"arn:aws:iam::1234567890:user/foo\"",
				"66:21 SES401 wildcards are not allowed",
				"89:21 SES401 wildcards are not allowed",
			},
			why: "config-lint's fixtures name a 10-digit account in principal ARNs (SES needs 12 digits) and user/* (no wildcards in principals).",
		},
	}
	eng := newEngine(t)
	for _, p := range pins {
		t.Run(p.file, func(t *testing.T) {
			path := filepath.Join(realworld, p.file)
			target := []string{path}
			if strings.HasSuffix(p.file, ".tf") {
				target = []string{filepath.Dir(path)}
			}
			res, err := scan.Run(context.Background(), eng, target, scan.Options{Now: fixtureNow})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range res.Findings {
				if f.File.Path != filepath.ToSlash(path) || !slices.Contains(p.rules, f.Rule.ID) {
					continue
				}
				got = append(got, fmt.Sprintf("%d:%d %s %s", f.Region.Start.Line, f.Region.Start.Column, f.Rule.ID, f.Message))
			}
			if len(got) != len(p.want) {
				t.Fatalf("%s\ngot %d findings of %v:\n%s\nwant %d", p.why, len(got), p.rules, strings.Join(got, "\n"), len(p.want))
			}
			for i, w := range p.want {
				pos, frag, _ := strings.Cut(w, " ")
				id, frag, _ := strings.Cut(frag, " ")
				if !strings.HasPrefix(got[i], pos+" "+id+" ") || !strings.Contains(got[i], frag) {
					t.Errorf("%s\nfinding %d: %s\nwant %s", p.why, i, got[i], w)
				}
			}
		})
	}
}
