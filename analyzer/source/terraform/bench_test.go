package terraform

import (
	"fmt"
	"strings"
	"testing"

	"github.com/seslint/seslint/analyzer/policy"
)

// hclModule writes a module file of n roles, each with a jsonencode inline
// policy, a policy document and the aws_iam_policy using it, plus queues.
func hclModule(n int) []byte {
	var b strings.Builder
	b.WriteString("provider \"aws\" {\n  region = \"eu-west-1\"\n}\n\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `resource "aws_iam_role" "r%d" {
  name               = "role-%d"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }] })
}

resource "aws_iam_role_policy" "r%d_send" {
  role = aws_iam_role.r%d.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ses:SendEmail", "ses:SendRawEmail"], Resource = "arn:aws:ses:eu-west-1:${var.account}:identity/${var.domain}" }]
  })
}

data "aws_iam_policy_document" "d%d" {
  statement {
    actions   = ["ses:GetSendQuota"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "p%d" {
  policy = data.aws_iam_policy_document.d%d.json
}

resource "aws_sqs_queue" "q%d" {
  name                       = "queue-%d"
  visibility_timeout_seconds = 60
}

`, i, i, i, i, i, i, i, i, i)
	}
	return []byte(b.String())
}

// BenchmarkLoadModuleHCL parses a .tf file of 20 roles and builds the
// module's unit.
func BenchmarkLoadModuleHCL(b *testing.B) {
	src := hclModule(20)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		u := LoadModule("m", []*policy.File{policy.NewFile("m/main.tf", src)})
		if len(u.Documents) != 40 {
			b.Fatalf("%d documents", len(u.Documents))
		}
	}
}

// BenchmarkLoadModuleTFJSON does the same for Terraform JSON syntax.
func BenchmarkLoadModuleTFJSON(b *testing.B) {
	var res []string
	for i := 0; i < 20; i++ {
		res = append(res, fmt.Sprintf(`"r%d": {"role": "${aws_iam_role.r%d.id}", "policy": "${jsonencode({\"Version\" = \"2012-10-17\", \"Statement\" = [{\"Effect\" = \"Allow\", \"Action\" = [\"ses:SendEmail\", \"ses:SendRawEmail\"], \"Resource\" = \"*\"}]})}"}`, i, i))
	}
	src := []byte(`{"provider": {"aws": [{"region": "eu-west-1"}]}, "resource": {"aws_iam_role_policy": {` + strings.Join(res, ",\n") + `}}}`)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		u := LoadModule("m", []*policy.File{policy.NewFile("m/cdk.tf.json", src)})
		if len(u.Documents) != 20 {
			b.Fatalf("%d documents", len(u.Documents))
		}
	}
}

// BenchmarkFromPlan decodes a plan of 20 role policies (and their
// resource_changes twins) and builds its unit.
func BenchmarkFromPlan(b *testing.B) {
	pol := `{\"Statement\":[{\"Action\":[\"ses:SendEmail\",\"ses:SendRawEmail\"],\"Effect\":\"Allow\",\"Resource\":\"arn:aws:ses:eu-west-1:123456789012:identity/example.com\"}],\"Version\":\"2012-10-17\"}`
	var planned, changes []string
	for i := 0; i < 20; i++ {
		planned = append(planned, fmt.Sprintf(`{"address":"aws_iam_role_policy.p%d","mode":"managed","type":"aws_iam_role_policy","name":"p%d","values":{"name":"send","policy":"%s"}}`, i, i, pol))
		changes = append(changes, fmt.Sprintf(`{"address":"aws_iam_role_policy.p%d","change":{"actions":["create"],"after":{"policy":"%s"}}}`, i, pol))
	}
	src := []byte(`{"format_version":"1.2","planned_values":{"root_module":{"resources":[` + strings.Join(planned, ",") + `]}},"resource_changes":[` + strings.Join(changes, ",") + `]}`)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		f := policy.NewFile("plan.json", src)
		u := FromPlan(f, policy.DecodeJSON(src, nil).Root)
		if len(u.Documents) != 20 {
			b.Fatalf("%d documents", len(u.Documents))
		}
	}
}
