package main

import (
	"fmt"
	"strings"
)

func tfCtx(f *file, s *svc, textual bool) *sesCtx {
	acct := "${data.aws_caller_identity.current.account_id}"
	return &sesCtx{
		f: f, region: s.region, account: s.account, domain: s.domain, partner: s.partner, textual: textual,
		arn:  lit("arn:aws:ses:" + s.region + ":" + acct + ":identity/${var.domain}"),
		bare: lit("arn:aws:ses:" + s.region + ":" + acct + ":" + s.domain),
		from: lit("*@${var.domain}"),
		sid:  "SendMail",
	}
}

func literalCtx(f *file, s *svc, textual bool) *sesCtx {
	return &sesCtx{
		f: f, region: s.region, account: s.account, domain: s.domain, partner: s.partner, textual: textual,
		arn:  lit("arn:aws:ses:" + s.region + ":" + s.account + ":identity/" + s.domain),
		bare: lit("arn:aws:ses:" + s.region + ":" + s.account + ":" + s.domain),
		from: lit("*@" + s.domain),
		sid:  "SendAs" + camel(strings.Split(s.domain, ".")[0]),
	}
}

// terraformModule writes a service's Terraform module: versions, the
// provider and ordinary resources, IAM roles and policies (jsonencode,
// policy documents, heredocs), sometimes SES identities with a sending
// authorization policy, variables and outputs.
func (g *gen) terraformModule(s *svc) error {
	dir := s.dir + "/terraform/"
	files := []func(*file, *svc){g.tfVersions, g.tfMain, g.tfIAM}
	names := []string{"versions.tf", "main.tf", "iam.tf"}
	if g.chance(2, 5) {
		files, names = append(files, g.tfSES), append(names, "ses.tf")
	}
	files, names = append(files, g.tfVariables, g.tfOutputs), append(names, "variables.tf", "outputs.tf")
	for i, write := range files {
		f := newFile(dir+names[i], "tf")
		write(f, s)
		if err := g.emit(f); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) tfVersions(f *file, s *svc) {
	f.wf(`# Terraform and provider versions of %s, and where its state is kept.
# The state bucket and lock table are created by the platform account's
# bootstrap module; do not change them here.
terraform {
  required_version = ">= 1.5.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
    archive = {
      source  = "hashicorp/archive"
      version = "~> 2.4"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.6"
    }
    tls = {
      source  = "hashicorp/tls"
      version = "~> 4.0"
    }
  }

  backend "s3" {
    bucket         = "terraform-state-%s"
    key            = "services/%s/terraform.tfstate"
    region         = "%s"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}

# Certificates for CloudFront live in us-east-1.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = {
      service    = %q
      managed-by = "terraform"
    }
  }
}
`, s.name, s.account, s.name, s.region, s.name)
}

func (g *gen) tfMain(f *file, s *svc) {
	f.wf(`provider "aws" {
  region = %q

  default_tags {
    tags = {
      service     = %q
      environment = var.environment
      managed-by  = "terraform"
    }
  }
}

data "aws_caller_identity" "current" {}

locals {
  name_prefix = "${var.environment}-%s"
  common_tags = {
    owner = "team-%s"
  }
}

`, s.region, s.name, s.name, g.word())
	target := g.target()
	for k := 0; f.size() < target; k++ {
		name := strings.ReplaceAll(g.word(), "-", "_")
		switch g.r.IntN(4) {
		case 0:
			f.wf(`resource "aws_lambda_function" "%s_%d" {
  function_name = "${local.name_prefix}-%s-%d"
  role          = aws_iam_role.execution.arn
  handler       = "main"
  runtime       = "provided.al2023"
  architectures = ["arm64"]
  filename      = "${path.module}/../dist/%s.zip"
  timeout       = %d
  memory_size   = %d

  environment {
    variables = {
      TABLE_NAME = aws_dynamodb_table.%s_%d.name
      LOG_LEVEL  = var.environment == "prod" ? "info" : "debug"
    }
  }

  tags = local.common_tags
}

resource "aws_dynamodb_table" "%s_%d" {
  name         = "${local.name_prefix}-%s-%d"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  point_in_time_recovery {
    enabled = var.environment == "prod"
  }
}

`, name, k, name, k, name, 10+g.r.IntN(50), 128<<g.r.IntN(4), name, k, name, k, name, k)
		case 1:
			f.wf(`resource "aws_sqs_queue" "%s_%d" {
  name                       = "${local.name_prefix}-%s-%d"
  visibility_timeout_seconds = %d
  message_retention_seconds  = 1209600
  sqs_managed_sse_enabled    = true

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.%s_%d_dlq.arn
    maxReceiveCount     = %d
  })
}

resource "aws_sqs_queue" "%s_%d_dlq" {
  name = "${local.name_prefix}-%s-%d-dlq"
}

`, name, k, name, k, 30+g.r.IntN(300), name, k, 3+g.r.IntN(5), name, k, name, k)
		case 2:
			f.wf(`resource "aws_cloudwatch_metric_alarm" "%s_errors_%d" {
  alarm_name          = "${local.name_prefix}-%s-errors-%d"
  comparison_operator = "GreaterThanOrEqualToThreshold"
  evaluation_periods  = %d
  metric_name         = "Errors"
  namespace           = "AWS/Lambda"
  period              = 300
  statistic           = "Sum"
  threshold           = %d
  treat_missing_data  = "notBreaching"
  alarm_actions       = [var.alarm_topic_arn]

  dimensions = {
    FunctionName = "${local.name_prefix}-%s"
  }
}

`, name, k, name, k, 1+g.r.IntN(3), 1+g.r.IntN(10), name)
		default:
			f.wf(`resource "aws_cloudwatch_log_group" "%s_%d" {
  name              = "/aws/lambda/${local.name_prefix}-%s-%d"
  retention_in_days = %d
  kms_key_id        = var.logs_kms_key_arn
}

resource "aws_ssm_parameter" "%s_%d_config" {
  name  = "/${var.environment}/%s/%s/config"
  type  = "String"
  value = jsonencode({ endpoint = "https://%s.internal.example.com", timeoutMs = %d })
}

`, name, k, name, k, []int{7, 14, 30, 90}[g.r.IntN(4)], name, k, s.name, name, name, 100*(1+g.r.IntN(30)))
		}
	}
}

func (g *gen) tfIAM(f *file, s *svc) {
	c := tfCtx(f, s, false)
	f.wf(`resource "aws_iam_role" "execution" {
  name = "${local.name_prefix}-execution"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "execution_logs" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

resource "aws_iam_role_policy" "execution_data" {
  name   = "data-access"
  role   = aws_iam_role.execution.id
  policy = %s
}

resource "aws_cloudwatch_log_group" "execution" {
  name              = "/aws/lambda/${local.name_prefix}"
  retention_in_days = 30
  kms_key_id        = var.logs_kms_key_arn
}

`, renderEncode(g.otherPolicy(c, 1+g.r.IntN(3)), "  "))
	n := g.r.IntN(3)
	for k := 0; k < n; k++ {
		way := g.r.IntN(3)
		c := tfCtx(f, s, way == 2)
		p := g.senderPolicy(c)
		f.wf(`resource "aws_iam_role" "mailer_%d" {
  name = "${local.name_prefix}-mailer-%d"

  assume_role_policy = data.aws_iam_policy_document.mailer_%d_trust.json
}

data "aws_iam_policy_document" "mailer_%d_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

`, k, k, k, k)
		switch way {
		case 0:
			f.wf("resource \"aws_iam_role_policy\" \"mailer_%d_send\" {\n  name   = \"send-mail\"\n  role   = aws_iam_role.mailer_%d.id\n  policy = %s\n}\n\n", k, k, renderEncode(p, "  "))
		case 1:
			f.w(renderPolicyDocument(fmt.Sprintf("mailer_%d_send", k), p) + "\n")
			f.wf("resource \"aws_iam_policy\" \"mailer_%d_send\" {\n  name        = \"${local.name_prefix}-send-%d\"\n  description = \"Sending for ${var.domain}\"\n  policy      = data.aws_iam_policy_document.mailer_%d_send.json\n}\n\n", k, k, k)
			f.wf("resource \"aws_iam_role_policy_attachment\" \"mailer_%d_send\" {\n  role       = aws_iam_role.mailer_%d.name\n  policy_arn = aws_iam_policy.mailer_%d_send.arn\n}\n\n", k, k, k)
		default:
			f.wf("resource \"aws_iam_role_policy\" \"mailer_%d_send\" {\n  name   = \"send-mail\"\n  role   = aws_iam_role.mailer_%d.id\n  policy = <<-EOT\n    %s\n  EOT\n}\n\n", k, k, indent(renderJSON(p, ""), "    "))
		}
	}
}

func (g *gen) tfSES(f *file, s *svc) {
	c := tfCtx(f, s, false)
	c.arn = lit("${aws_ses_domain_identity.main.arn}")
	p := g.authorizationPolicy(c)
	f.w(`resource "aws_ses_domain_identity" "main" {
  domain = var.domain
}

resource "aws_ses_domain_dkim" "main" {
  domain = aws_ses_domain_identity.main.domain
}

resource "aws_ses_domain_mail_from" "main" {
  domain           = aws_ses_domain_identity.main.domain
  mail_from_domain = "bounce.${aws_ses_domain_identity.main.domain}"
}

resource "aws_route53_record" "dkim" {
  count   = 3
  zone_id = var.zone_id
  name    = "${aws_ses_domain_dkim.main.dkim_tokens[count.index]}._domainkey"
  type    = "CNAME"
  ttl     = 600
  records = ["${aws_ses_domain_dkim.main.dkim_tokens[count.index]}.dkim.amazonses.com"]
}

data "aws_region" "current" {}

resource "aws_route53_record" "mail_from_mx" {
  zone_id = var.zone_id
  name    = aws_ses_domain_mail_from.main.mail_from_domain
  type    = "MX"
  ttl     = 600
  records = ["10 feedback-smtp.${data.aws_region.current.name}.amazonses.com"]
}

`)
	f.w(renderPolicyDocument("partner_sending", p) + "\n")
	f.w(`resource "aws_ses_identity_policy" "partner" {
  identity = aws_ses_domain_identity.main.arn
  name     = "partner-sending"
  policy   = data.aws_iam_policy_document.partner_sending.json
}
`)
}

func (g *gen) tfVariables(f *file, s *svc) {
	f.wf(`variable "environment" {
  description = "Deployment environment (dev, staging or prod)."
  type        = string
  default     = "dev"

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "domain" {
  description = "The domain the service sends mail from."
  type        = string
  default     = %q
}

variable "alarm_topic_arn" {
  description = "SNS topic the alarms notify."
  type        = string
  default     = "arn:aws:sns:%s:%s:alarms"
}

variable "logs_kms_key_arn" {
  description = "KMS key encrypting the log groups."
  type        = string
  default     = null
}

variable "zone_id" {
  description = "Route 53 zone of the domain."
  type        = string
  default     = ""
}
`, s.domain, s.region, s.account)
	target := minSize + g.r.IntN(2048)
	for i := 0; f.size() < target; i++ {
		name := fmt.Sprintf("%s_%s_%d", strings.ReplaceAll(g.word(), "-", "_"), g.pick([]string{"batch_size", "timeout_seconds", "retention_days", "concurrency"}), i)
		s.settings = append(s.settings, name)
		f.wf(`
variable %q {
  description = "Tuning of the %s handler."
  type        = number
  default     = %d
}
`, name, g.word(), 1+g.r.IntN(300))
	}
}

func (g *gen) tfOutputs(f *file, s *svc) {
	f.w(`output "execution_role_arn" {
  description = "ARN of the functions' execution role."
  value       = aws_iam_role.execution.arn
}

output "name_prefix" {
  value = local.name_prefix
}

output "environment" {
  description = "The environment this module was applied to."
  value       = var.environment
}

output "execution_role_name" {
  description = "Name of the functions' execution role."
  value       = aws_iam_role.execution.name
}

output "log_group_name" {
  description = "Log group of the functions."
  value       = aws_cloudwatch_log_group.execution.name
}

output "domain" {
  description = "The domain the service sends mail from."
  value       = var.domain
}

output "alarm_topic_arn" {
  description = "SNS topic the alarms notify."
  value       = var.alarm_topic_arn
}

output "zone_id" {
  description = "Route 53 zone of the domain."
  value       = var.zone_id
}
`)
	for _, name := range s.settings {
		if f.size() >= minSize {
			break
		}
		f.wf(`
output %q {
  description = "Applied value of var.%s."
  value       = var.%s
}
`, name, name, name)
	}
}

// cdktf writes CDKTF's synthesized stack: Terraform JSON with a policy
// document data source and the role policy that uses it.
func (g *gen) cdktf(s *svc) error {
	stack := strings.SplitN(s.name, "-", 2)[0] + "-stack"
	f := newFile(s.dir+"/cdktf.out/stacks/"+stack+"/cdk.tf.json", "tf-json")
	p := g.sendingOrOther(literalCtx(f, s, false))
	resources := obj{
		{"aws_iam_role", obj{{"mailer", obj{
			{"//", obj{{"metadata", obj{{"path", stack + "/mailer"}, {"uniqueId", "mailer"}}}}},
			{"name", s.name + "-mailer"},
			{"assume_role_policy", "${jsonencode({\"Version\" = \"2012-10-17\", \"Statement\" = [{\"Effect\" = \"Allow\", \"Principal\" = {\"Service\" = \"lambda.amazonaws.com\"}, \"Action\" = \"sts:AssumeRole\"}]})}"},
		}}}},
		{"aws_iam_role_policy", obj{{"mailer_send", obj{
			{"//", obj{{"metadata", obj{{"path", stack + "/mailer_send"}, {"uniqueId", "mailer_send"}}}}},
			{"name", "send-mail"},
			{"role", "${aws_iam_role.mailer.id}"},
			{"policy", "${data.aws_iam_policy_document.mailer_send.json}"},
		}}}},
	}
	target := g.target()
	var queues obj
	// The queues are written three levels deep (resource, aws_sqs_queue).
	for k := 0; len(jsonText(resources, "  ", "  "))+len(jsonText(queues, "      ", "  ")) < target-1500; k++ {
		n := fmt.Sprintf("%s_%d", strings.ReplaceAll(g.word(), "-", "_"), k)
		queues = append(queues, kv{n, obj{
			{"//", obj{{"metadata", obj{{"path", stack + "/" + n}, {"uniqueId", n}}}}},
			{"name", s.name + "-" + n},
			{"visibility_timeout_seconds", 30 + g.r.IntN(300)},
			{"tags", obj{{"service", s.name}, {"component", g.word()}}},
		}})
	}
	if len(queues) > 0 {
		resources = append(resources, kv{"aws_sqs_queue", queues})
	}
	doc := obj{
		{"//", obj{{"metadata", obj{{"backend", "s3"}, {"stackName", stack}, {"version", "0.20.8"}}}, {"outputs", obj{}}}},
		{"data", obj{{"aws_iam_policy_document", obj{{"mailer_send", raw(renderTFJSONDoc(p, "      "))}}}}},
		{"provider", obj{{"aws", []any{obj{{"region", s.region}}}}}},
		{"resource", resources},
		{"terraform", obj{{"backend", obj{{"s3", obj{{"bucket", "terraform-state-" + s.account}, {"key", "cdktf/" + stack + ".tfstate"}, {"region", s.region}}}}}, {"required_providers", obj{{"aws", obj{{"source", "aws"}, {"version", "5.40.0"}}}}}}},
	}
	f.w(jsonText(doc, "", "  ") + "\n")
	return g.emit(f)
}

// plans writes `terraform show -json` output of the service's plan, on one
// line as Terraform writes it or indented.
func (g *gen) plans(s *svc) error {
	n := 1 + g.r.IntN(2)
	for k := 0; k < n; k++ {
		env := []string{"staging", "prod"}[k]
		f := newFile(fmt.Sprintf("%s/deploy/plan-%s.json", s.dir, env), "plan-json")
		g.plan(f, s, env)
		if err := g.emit(f); err != nil {
			return err
		}
	}
	return nil
}

func (g *gen) plan(f *file, s *svc, env string) {
	policyText := renderCompact(g.sendingOrOther(literalCtx(f, s, false)))
	prov := "registry.terraform.io/hashicorp/aws"
	trust := `{"Statement":[{"Action":"sts:AssumeRole","Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"}}],"Version":"2012-10-17"}`
	planned := []any{
		obj{{"address", "aws_iam_role.mailer"}, {"mode", "managed"}, {"type", "aws_iam_role"}, {"name", "mailer"}, {"provider_name", prov}, {"schema_version", 0},
			{"values", obj{{"assume_role_policy", trust}, {"description", nil}, {"force_detach_policies", false}, {"max_session_duration", 3600}, {"name", env + "-" + s.name + "-mailer"}, {"path", "/"}, {"permissions_boundary", nil}, {"tags", nil}}},
			{"sensitive_values", obj{{"inline_policy", []any{}}, {"managed_policy_arns", []any{}}, {"tags_all", obj{}}}}},
		obj{{"address", "aws_iam_role_policy.mailer_send"}, {"mode", "managed"}, {"type", "aws_iam_role_policy"}, {"name", "mailer_send"}, {"provider_name", prov}, {"schema_version", 0},
			{"values", obj{{"name", "send-mail"}, {"policy", policyText}}},
			{"sensitive_values", obj{}}},
	}
	changes := []any{
		obj{{"address", "aws_iam_role_policy.mailer_send"}, {"mode", "managed"}, {"type", "aws_iam_role_policy"}, {"name", "mailer_send"}, {"provider_name", prov},
			{"change", obj{{"actions", []any{"create"}}, {"before", nil}, {"after", obj{{"name", "send-mail"}, {"policy", stripMarks(policyText)}}}, {"after_unknown", obj{{"id", true}, {"role", true}}}}}},
	}
	cfg := []any{
		obj{{"address", "aws_iam_role.mailer"}, {"mode", "managed"}, {"type", "aws_iam_role"}, {"name", "mailer"}, {"provider_config_key", "aws"},
			{"expressions", obj{{"assume_role_policy", obj{{"constant_value", trust}}}, {"name", obj{{"constant_value", env + "-" + s.name + "-mailer"}}}}}, {"schema_version", 0}},
		obj{{"address", "aws_iam_role_policy.mailer_send"}, {"mode", "managed"}, {"type", "aws_iam_role_policy"}, {"name", "mailer_send"}, {"provider_config_key", "aws"},
			{"expressions", obj{{"name", obj{{"constant_value", "send-mail"}}}, {"policy", obj{{"constant_value", stripMarks(policyText)}}}, {"role", obj{{"references", []any{"aws_iam_role.mailer.id", "aws_iam_role.mailer"}}}}}}, {"schema_version", 0}},
	}
	target := g.target()
	pretty := g.chance(1, 2)
	step := ""
	if pretty {
		step = "  "
	}
	// The lists are written at their depth in the plan (planned_values,
	// root_module, resources; resource_changes; configuration,
	// root_module, resources), which indented output pays for.
	deep := strings.Repeat(step, 3)
	size := func() int {
		return len(jsonText(planned, deep, step)) + len(jsonText(changes, step, step)) + len(jsonText(cfg, deep, step))
	}
	for k := 0; size() < target-1000; k++ {
		name := fmt.Sprintf("%s_%d", strings.ReplaceAll(g.word(), "-", "_"), k)
		addr := "aws_sqs_queue." + name
		values := obj{{"content_based_deduplication", false}, {"delay_seconds", 0}, {"fifo_queue", false}, {"kms_master_key_id", nil},
			{"max_message_size", 262144}, {"message_retention_seconds", 1209600}, {"name", env + "-" + s.name + "-" + name},
			{"receive_wait_time_seconds", 0}, {"sqs_managed_sse_enabled", true}, {"tags", obj{{"service", s.name}}}, {"visibility_timeout_seconds", 30 + g.r.IntN(300)}}
		planned = append(planned, obj{{"address", addr}, {"mode", "managed"}, {"type", "aws_sqs_queue"}, {"name", name}, {"provider_name", prov}, {"schema_version", 0},
			{"values", values}, {"sensitive_values", obj{{"tags", obj{}}, {"tags_all", obj{}}}}})
		changes = append(changes, obj{{"address", addr}, {"mode", "managed"}, {"type", "aws_sqs_queue"}, {"name", name}, {"provider_name", prov},
			{"change", obj{{"actions", []any{"create"}}, {"before", nil}, {"after", values}, {"after_unknown", obj{{"arn", true}, {"id", true}, {"url", true}}}}}})
		cfg = append(cfg, obj{{"address", addr}, {"mode", "managed"}, {"type", "aws_sqs_queue"}, {"name", name}, {"provider_config_key", "aws"},
			{"expressions", obj{{"name", obj{{"constant_value", env + "-" + s.name + "-" + name}}}}}, {"schema_version", 0}})
	}
	plan := obj{
		{"format_version", "1.2"},
		{"terraform_version", "1.7.5"},
		{"planned_values", obj{{"root_module", obj{{"resources", planned}}}}},
		{"resource_changes", changes},
		{"configuration", obj{
			{"provider_config", obj{{"aws", obj{{"name", "aws"}, {"full_name", prov}, {"expressions", obj{{"region", obj{{"constant_value", s.region}}}}}}}}},
			{"root_module", obj{{"resources", cfg}}},
		}},
		{"timestamp", "2026-05-30T09:12:44Z"},
		{"errored", false},
	}
	f.w(jsonText(plan, "", step) + "\n")
}
