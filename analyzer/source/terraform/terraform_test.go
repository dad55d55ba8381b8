package terraform

import (
	"testing"

	"github.com/seslint/seslint/analyzer/policy"
)

type place struct {
	path []policy.PathElem
	want policy.Position
	text string
}

func checkPlaces(t *testing.T, f *policy.File, d *policy.Document, places []place) {
	t.Helper()
	if d.Decoded == nil || d.Decoded.Root == nil {
		t.Fatalf("%s: not decoded: %v", d.Owner, d.Decoded)
	}
	for _, c := range places {
		s, ok := d.Decoded.Root.Lookup(c.path, false)
		if !ok {
			t.Errorf("%s %v: not found", d.Owner, c.path)
			continue
		}
		if got := f.Position(s.Start); got != c.want {
			t.Errorf("%s %v: at %v, want %v", d.Owner, c.path, got, c.want)
		}
		if c.text != "" && string(f.Content[s.Start:s.End]) != c.text {
			t.Errorf("%s %v: text %q, want %q", d.Owner, c.path, f.Content[s.Start:s.End], c.text)
		}
	}
}

const mainTF = `provider "aws" {
  region = "eu-west-1"
}

resource "aws_iam_role" "app" {
  name                 = "app"
  permissions_boundary = aws_iam_policy.boundary.arn
  inline_policy {
    name = "raw"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["ses:SendRawEmail", "ses:SendEmails"]
        Resource = aws_ses_domain_identity.main.arn
      }]
    })
  }
}

resource "aws_iam_policy" "boundary" {
  name   = "boundary"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}
  ]
}
EOF
}

resource "aws_iam_role_policy" "send" {
  role   = aws_iam_role.app.name
  policy = data.aws_iam_policy_document.send.json
}

data "aws_iam_policy_document" "send" {
  statement {
    actions   = ["ses:SendEmail"]
    resources = ["arn:aws:ses:eu-west-1:123456789012:identity/example.com"]
    condition {
      test     = "StringLike"
      variable = "ses:FromAddress"
      values   = ["*@example.com"]
    }
  }
}

resource "aws_ses_domain_identity" "main" {
  domain = "example.com"
}

resource "aws_ses_identity_policy" "delegate" {
  identity = aws_ses_domain_identity.main.arn
  name     = "delegate"
  policy   = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"111122223333\"}, \"Action\": \"ses:SendEmail\", \"Resource\": \"*\"}]}"
}
`

func TestHCLModule(t *testing.T) {
	f := policy.NewFile("m/main.tf", []byte(mainTF))
	u := LoadModule("m", []*policy.File{f})
	byOwner := map[string]*policy.Document{}
	for _, d := range u.Documents {
		byOwner[d.Owner] = d
	}
	if len(u.Documents) != 4 {
		for _, d := range u.Documents {
			t.Logf("%s %s", d.Owner, d.Kind)
		}
		t.Fatalf("%d documents", len(u.Documents))
	}
	role := byOwner["aws_iam_role.app"]
	checkPlaces(t, f, role, []place{
		{[]policy.PathElem{"Statement", 0, "Action", 1}, policy.Position{Line: 14, Column: 41}, `"ses:SendEmails"`},
		{[]policy.PathElem{"Statement", 0, "Resource"}, policy.Position{Line: 15, Column: 20}, `aws_ses_domain_identity.main.arn`},
	})
	if role.Name != "raw" || role.Kind != policy.Identity {
		t.Errorf("role document %+v", role)
	}
	st, _ := role.Decoded.Root.Get("Statement")
	if r, _ := st.Elems[0].Get("Resource"); r.Text != "${aws_ses_domain_identity.main.arn}" {
		t.Errorf("reference rendered as %q", r.Text)
	}
	b := byOwner["aws_iam_policy.boundary"]
	if b.Kind != policy.Boundary {
		t.Errorf("boundary kind %s", b.Kind)
	}
	checkPlaces(t, f, b, []place{{[]policy.PathElem{"Statement", 0, "Action"}, policy.Position{Line: 27, Column: 35}, `"s3:*"`}})
	send := byOwner["aws_iam_role_policy.send"]
	checkPlaces(t, f, send, []place{
		{[]policy.PathElem{"Statement", 0, "Action", 0}, policy.Position{Line: 40, Column: 18}, `"ses:SendEmail"`},
		{[]policy.PathElem{"Statement", 0, "Effect"}, policy.Position{Line: 39, Column: 3}, ""},
		{[]policy.PathElem{"Statement", 0, "Condition", "StringLike", "ses:FromAddress", 0}, policy.Position{Line: 45, Column: 19}, `"*@example.com"`},
	})
	if v, _ := send.Decoded.Root.Get("Version"); v.Text != "2012-10-17" {
		t.Errorf("default version %q", v.Text)
	}
	del := byOwner["aws_ses_identity_policy.delegate"]
	if del.Kind != policy.SendingAuthorization || del.Identity != "${aws_ses_domain_identity.main.arn}" || del.Name != "delegate" {
		t.Errorf("delegate %+v", del)
	}
	checkPlaces(t, f, del, []place{{[]policy.PathElem{"Statement", 0, "Action"}, policy.Position{Line: 57, Column: 141}, `\"ses:SendEmail\"`}})

	if len(u.Principals) != 1 {
		t.Fatalf("principals %+v", u.Principals)
	}
	p := u.Principals[0]
	if p.Name != "aws_iam_role.app" || len(p.Policies) != 2 || p.Boundary < 0 || u.Documents[p.Boundary].Owner != "aws_iam_policy.boundary" {
		t.Errorf("principal %+v", p)
	}
	if len(u.Identities) != 1 || u.Identities[0].Name != "example.com" || u.Identities[0].Region != "eu-west-1" {
		t.Errorf("identities %+v", u.Identities[0])
	}
}

func TestHCLSyntaxError(t *testing.T) {
	f := policy.NewFile("bad.tf", []byte("resource \"aws_iam_policy\" \"p\" {\n  policy = \n}\n"))
	u := LoadModule(".", []*policy.File{f})
	if len(u.Documents) != 1 || u.Documents[0].Decoded.Errors[0].Kind != policy.ErrFileSyntax {
		t.Fatalf("documents %+v", u.Documents)
	}
	if got := f.Position(u.Documents[0].Decoded.Errors[0].Span.Start); got != (policy.Position{Line: 2, Column: 12}) {
		t.Errorf("error at %v", got)
	}
}

func TestCommentDirective(t *testing.T) {
	src := "# seslint:ignore SES201 the app only uses the v2 API\nresource \"aws_iam_policy\" \"p\" {\n  policy = jsonencode({Statement = [{Effect = \"Allow\", Action = \"ses:SendEmail\", Resource = \"*\"}]})\n}\n"
	f := policy.NewFile("d.tf", []byte(src))
	u := LoadModule(".", []*policy.File{f})
	if len(u.Directives) != 1 {
		t.Fatalf("directives %+v", u.Directives)
	}
	d := u.Directives[0]
	if d.Entries[0].Rule != "SES201" || d.Entries[0].Reason != "the app only uses the v2 API" {
		t.Errorf("entry %+v", d.Entries[0])
	}
	act, _ := u.Documents[0].Decoded.Root.Lookup([]policy.PathElem{"Statement", 0, "Action"}, false)
	if !d.Covers(0, "SES201", f, act) {
		t.Error("directive does not cover the resource below it")
	}
}

const tfJSON = `{
  "//": {"metadata": {"version": "0.20.0", "stackName": "mail"}},
  "resource": {
    "aws_iam_policy": {
      "sender": {
        "//": {"seslint": {"ignore": {"SES602": "single verified identity"}}},
        "name": "sender",
        "policy": "${jsonencode({\"Version\" = \"2012-10-17\", \"Statement\" = [{\"Effect\" = \"Allow\", \"Action\" = [\"ses:SendEmails\"], \"Resource\" = \"*\"}]})}"
      },
      "literal": {
        "policy": "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ses:Sned*\", \"Resource\": \"*\"}]}"
      },
      "fromdoc": {
        "policy": "${data.aws_iam_policy_document.doc.json}"
      }
    }
  },
  "data": {
    "aws_iam_policy_document": {
      "doc": {
        "statement": [{"actions": ["ses:GetSendQuota"], "resources": ["arn:aws:ses:us-east-1:123456789012:identity/x"]}]
      }
    }
  }
}
`

func TestTFJSON(t *testing.T) {
	f := policy.NewFile("cdk.tf.json", []byte(tfJSON))
	u := LoadModule(".", []*policy.File{f})
	byOwner := map[string]*policy.Document{}
	for _, d := range u.Documents {
		byOwner[d.Owner] = d
	}
	if len(u.Documents) != 3 {
		t.Fatalf("%d documents", len(u.Documents))
	}
	checkPlaces(t, f, byOwner["aws_iam_policy.sender"], []place{{[]policy.PathElem{"Statement", 0, "Action", 0}, policy.Position{Line: 8, Column: 120}, `\"ses:SendEmails\"`}})
	checkPlaces(t, f, byOwner["aws_iam_policy.literal"], []place{{[]policy.PathElem{"Statement", 0, "Action"}, policy.Position{Line: 11, Column: 73}, `\"ses:Sned*\"`}})
	checkPlaces(t, f, byOwner["aws_iam_policy.fromdoc"], []place{{[]policy.PathElem{"Statement", 0, "Action", 0}, policy.Position{Line: 21, Column: 36}, `"ses:GetSendQuota"`}})
	if len(u.Directives) != 1 || u.Directives[0].Entries[0].Reason != "single verified identity" {
		t.Errorf("directives %+v", u.Directives)
	}
}

const planJSON = `{
  "format_version": "1.2",
  "planned_values": {
    "root_module": {
      "resources": [
        {"address": "aws_iam_policy.p", "mode": "managed", "type": "aws_iam_policy", "name": "p",
         "values": {"name": "p", "policy": "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ses:SendEmails\",\"Resource\":\"*\"}]}"}}
      ],
      "child_modules": [
        {"address": "module.mail", "resources": [
          {"address": "module.mail.aws_iam_role.r", "mode": "managed", "type": "aws_iam_role", "name": "r", "values": {"name": "r"}},
          {"address": "module.mail.aws_iam_role_policy_attachment.a", "mode": "managed", "type": "aws_iam_role_policy_attachment", "name": "a", "values": {}}
        ]}
      ]
    }
  },
  "resource_changes": [
    {"address": "aws_iam_policy.p", "change": {"after": {"policy": "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ses:SendEmails\",\"Resource\":\"*\"}]}"}}}
  ],
  "configuration": {
    "provider_config": {"aws": {"name": "aws", "expressions": {"region": {"constant_value": "us-west-2"}}}},
    "root_module": {
      "resources": [{"address": "aws_iam_policy.p", "expressions": {"name": {"constant_value": "p"}}}],
      "module_calls": {"mail": {"module": {"resources": [
        {"address": "aws_iam_role_policy_attachment.a", "expressions": {"role": {"references": ["aws_iam_role.r.name", "aws_iam_role.r"]}}}
      ]}}}
    }
  }
}`

func TestPlan(t *testing.T) {
	f := policy.NewFile("plan.json", []byte(planJSON))
	dec := policy.DecodeJSON(f.Content, nil)
	if !IsPlan(dec.Root) {
		t.Fatal("not recognised as a plan")
	}
	u := FromPlan(f, dec.Root)
	if len(u.Documents) != 1 {
		t.Fatalf("%d documents: resource_changes must not be read", len(u.Documents))
	}
	checkPlaces(t, f, u.Documents[0], []place{{[]policy.PathElem{"Statement", 0, "Action"}, policy.Position{Line: 7, Column: 121}, `\"ses:SendEmails\"`}})
	if len(u.Principals) != 1 || u.Principals[0].Name != "module.mail.aws_iam_role.r" {
		t.Errorf("principals %+v", u.Principals)
	}
}
