package cfn

import (
	"strings"
	"testing"

	"github.com/seslint/seslint/analyzer/policy"
)

func pos(f *policy.File, s policy.Span) policy.Position { return f.Position(s.Start) }

func parseYAML(t *testing.T, src string) (*policy.File, *Template) {
	t.Helper()
	f := policy.NewFile("t.yaml", []byte(src))
	tpl, err := ParseYAML(f)
	if err != nil {
		t.Fatalf("parse: %s", err.Message)
	}
	if tpl == nil {
		t.Fatal("not recognised as a template")
	}
	return f, tpl
}

func TestYAMLPositionsAndShortForms(t *testing.T) {
	src := `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  SenderPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Action:
              - ses:SendEmail
              - 'ses:SendRawEmail'
            Resource: !Sub "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/example.com"
          - Effect: Allow
            Action: ses:GetSendQuota
            Resource: !Join [":", ["arn:aws:ses", !Ref AWS::Region, "123456789012", "identity/x"]]
`
	f, tpl := parseYAML(t, src)
	docs := tpl.Documents()
	if len(docs) != 1 {
		t.Fatalf("%d documents", len(docs))
	}
	d := docs[0]
	root := d.Decoded.Root
	v, _ := root.Get("Version")
	if v.Kind != policy.String || v.Text != "2012-10-17" {
		t.Errorf("Version %v %q: an unquoted date is the string", v.Kind, v.Text)
	}
	cases := []struct {
		path []policy.PathElem
		want policy.Position
		text string
	}{
		{[]policy.PathElem{"Statement", 0, "Action", 0}, policy.Position{Line: 11, Column: 17}, "ses:SendEmail"},
		{[]policy.PathElem{"Statement", 0, "Action", 1}, policy.Position{Line: 12, Column: 17}, "'ses:SendRawEmail'"},
		{[]policy.PathElem{"Statement", 0, "Resource"}, policy.Position{Line: 13, Column: 28}, `"arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/example.com"`},
		{[]policy.PathElem{"Statement", 1, "Resource"}, policy.Position{Line: 16, Column: 23}, `!Join [":", ["arn:aws:ses", !Ref AWS::Region, "123456789012", "identity/x"]]`},
	}
	for _, c := range cases {
		s, ok := root.Lookup(c.path, false)
		if !ok {
			t.Errorf("%v not found", c.path)
			continue
		}
		if got := pos(f, s); got != c.want {
			t.Errorf("%v at %v, want %v", c.path, got, c.want)
		}
		if got := src[s.Start:s.End]; got != c.text {
			t.Errorf("%v text %q, want %q", c.path, got, c.text)
		}
	}
	res, _ := root.Lookup([]policy.PathElem{"Statement", 0, "Resource"}, false)
	_ = res
	st, _ := root.Get("Statement")
	r0, _ := st.Elems[0].Get("Resource")
	if r0.Text != "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/example.com" {
		t.Errorf("Sub resolved to %q", r0.Text)
	}
	r1, _ := st.Elems[1].Get("Resource")
	if r1.Text != "arn:aws:ses:${AWS::Region}:123456789012:identity/x" {
		t.Errorf("Join resolved to %q", r1.Text)
	}
}

func TestPolicyInSubBlockMapsIntoTheTemplate(t *testing.T) {
	src := `Resources:
  Policy:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: send
      Roles: [!Ref Role]
      PolicyDocument: !Sub |
        {
          "Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Action": "ses:SendEmails",
                         "Resource": "arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/example.com"}]
        }
`
	f, tpl := parseYAML(t, src)
	docs := tpl.Documents()
	if len(docs) != 1 || docs[0].Decoded.Root == nil {
		t.Fatalf("documents %v", docs)
	}
	d := docs[0]
	if d.Name != "send" || d.Owner != "Policy" || d.Kind != policy.Identity {
		t.Errorf("record %+v", d)
	}
	s, _ := d.Decoded.Root.Lookup([]policy.PathElem{"Statement", 0, "Action"}, false)
	if got := pos(f, s); got != (policy.Position{Line: 10, Column: 55}) {
		t.Errorf("action at %v", got)
	}
	if got := src[s.Start:s.End]; got != `"ses:SendEmails"` {
		t.Errorf("text %q", got)
	}
}

func TestPolicyAsJSONStringInJSONTemplate(t *testing.T) {
	src := "{\"Resources\": {\"P\": {\"Type\": \"AWS::IAM::ManagedPolicy\", \"Properties\": {\"PolicyDocument\": \"{\\\"Statement\\\": [{\\\"Effect\\\": \\\"Allow\\\", \\\"Action\\\": \\\"ses:SendEmails\\\", \\\"Resource\\\": \\\"*\\\"}]}\"}}}}"
	f := policy.NewFile("t.json", []byte(src))
	dec := policy.DecodeJSON(f.Content, nil)
	tpl := FromJSON(f, dec)
	docs := tpl.Documents()
	if len(docs) != 1 {
		t.Fatalf("%d docs", len(docs))
	}
	s, _ := docs[0].Decoded.Root.Lookup([]policy.PathElem{"Statement", 0, "Action"}, false)
	if got := src[s.Start:s.End]; got != `\"ses:SendEmails\"` {
		t.Errorf("span text %q", got)
	}
}

func TestIfYieldsBothBranches(t *testing.T) {
	src := `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: !If [Prod, "ses:SendEmail", "ses:SendRawEmail"]
            Resource: "*"
`
	_, tpl := parseYAML(t, src)
	docs := tpl.Documents()
	if len(docs) != 2 {
		t.Fatalf("%d documents, want one per branch", len(docs))
	}
	var got []string
	for _, d := range docs {
		st, _ := d.Decoded.Root.Get("Statement")
		a, _ := st.Elems[0].Get("Action")
		got = append(got, a.Text)
	}
	if strings.Join(got, ",") != "ses:SendEmail,ses:SendRawEmail" {
		t.Errorf("branches %v", got)
	}
}

func TestTrustPoliciesAndUnrelatedPoliciesAreSkipped(t *testing.T) {
	src := `Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
      Policies:
        - PolicyName: s3
          PolicyDocument: {Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]}
        - PolicyName: mail
          PolicyDocument: {Statement: [{Effect: Allow, Action: "ses:Send*", Resource: "*"}]}
`
	_, tpl := parseYAML(t, src)
	docs := tpl.Documents()
	if len(docs) != 1 || docs[0].Name != "mail" || docs[0].Owner != "Role" {
		t.Fatalf("documents %+v", docs)
	}
}

func TestYAMLSyntaxErrorPosition(t *testing.T) {
	src := "AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  P:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument: {Version: \"2012-10-17\"\n"
	f := policy.NewFile("t.yaml", []byte(src))
	_, err := ParseYAML(f)
	if err == nil || err.Kind != policy.ErrFileSyntax {
		t.Fatalf("err %v", err)
	}
	if got := pos(f, err.Span); got.Line != 6 {
		t.Errorf("at %v, want line 6", got)
	}
}

func TestAliasBombIsAnError(t *testing.T) {
	var b strings.Builder
	b.WriteString("AWSTemplateFormatVersion: x\nResources: {}\na: &a [x, x, x, x, x, x, x, x, x, x]\n")
	prev := "a"
	for i := 0; i < 9; i++ {
		name := string(rune('b' + i))
		b.WriteString(name + ": &" + name + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n")
		prev = name
	}
	f := policy.NewFile("bomb.yaml", []byte(b.String()))
	_, err := ParseYAML(f)
	if err == nil || !strings.Contains(err.Message, "alias") {
		t.Fatalf("want an alias expansion error, got %v", err)
	}
}
