package cfn

import (
	"fmt"
	"strings"
	"testing"

	"github.com/seslint/seslint/analyzer/policy"
)

// largeTemplate writes a template of n resources: roles with inline
// sending policies, managed policies attached to them, boundaries, SES
// identities, and unrelated resources, in YAML with short-form tags.
func largeTemplate(n int) []byte {
	var b strings.Builder
	b.WriteString("AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n  Domain: {Type: String}\nResources:\n")
	for i := 0; b.Len() >= 0 && i < n; i++ {
		switch i % 5 {
		case 0:
			fmt.Fprintf(&b, `  Role%d:
    Type: AWS::IAM::Role
    Properties:
      PermissionsBoundary: !Ref Boundary%d
      ManagedPolicyArns: [!Ref Managed%d]
      AssumeRolePolicyDocument:
        Version: 2012-10-17
        Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]
      Policies:
        - PolicyName: send
          PolicyDocument:
            Version: 2012-10-17
            Statement:
              - Effect: Allow
                Action: [ses:SendEmail, ses:SendRawEmail]
                Resource: !Sub "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}"
                Condition:
                  StringLike: {ses:FromAddress: !Sub "*@${Domain}"}
`, i, i+2, i+1)
		case 1:
			fmt.Fprintf(&b, `  Managed%d:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: !Sub |
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Effect": "Allow", "Action": ["ses:GetSendQuota", "ses:GetSendStatistics"], "Resource": "*"}
          ]
        }
`, i)
		case 2:
			fmt.Fprintf(&b, `  Boundary%d:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: 2012-10-17
        Statement: [{Effect: Allow, Action: ["ses:*", "logs:*"], Resource: "*"}]
`, i)
		case 3:
			fmt.Fprintf(&b, "  Identity%d:\n    Type: AWS::SES::EmailIdentity\n    Properties:\n      EmailIdentity: !Sub \"mail%d.${Domain}\"\n", i, i)
		default:
			fmt.Fprintf(&b, "  Queue%d:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 30\n      Tags: [{Key: team, Value: mail}]\n", i)
		}
	}
	return []byte(b.String())
}

func TestLargeTemplateUnit(t *testing.T) {
	f := policy.NewFile("large.yaml", largeTemplate(1000))
	tpl, err := ParseYAML(f)
	if err != nil || tpl == nil {
		t.Fatalf("parse: %v", err)
	}
	u := tpl.Unit()
	if len(tpl.Resources) != 1000 || len(u.Principals) != 200 || len(u.Documents) != 600 || len(u.Identities) != 200 {
		t.Fatalf("resources %d, principals %d, documents %d, identities %d", len(tpl.Resources), len(u.Principals), len(u.Documents), len(u.Identities))
	}
}

// BenchmarkExtractLargeTemplate parses a 1,000-resource YAML template and
// builds its unit (documents, principals, identities).
func BenchmarkExtractLargeTemplate(b *testing.B) {
	src := largeTemplate(1000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		f := policy.NewFile("large.yaml", src)
		tpl, err := ParseYAML(f)
		if err != nil || tpl == nil {
			b.Fatal(err)
		}
		if u := tpl.Unit(); len(u.Documents) == 0 {
			b.Fatal("no documents")
		}
	}
}

// jsonTemplate writes a CDK-style JSON template of n resources: roles with
// an AWS::IAM::Policy each, functions and tables.
func jsonTemplate(n int) []byte {
	var b strings.Builder
	b.WriteString("{\n \"Resources\": {\n")
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",\n")
		}
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, `  "Role%d": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}},
  "Role%dPolicy": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyName": "send", "Roles": [{"Ref": "Role%d"}], "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmail"], "Resource": {"Fn::Sub": "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/example.com"}}]}}}`, i, i, i)
		case 1:
			fmt.Fprintf(&b, `  "Fn%d": {"Type": "AWS::Lambda::Function", "Properties": {"Handler": "index.handler", "Runtime": "nodejs20.x", "Role": {"Fn::GetAtt": ["Role%d", "Arn"]}, "Environment": {"Variables": {"TABLE": {"Ref": "Table%d"}}}}}`, i, i-1, i+1)
		default:
			fmt.Fprintf(&b, `  "Table%d": {"Type": "AWS::DynamoDB::Table", "Properties": {"BillingMode": "PAY_PER_REQUEST", "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}], "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]}}`, i)
		}
	}
	b.WriteString("\n }\n}\n")
	return []byte(b.String())
}

// BenchmarkExtractJSONTemplate decodes a 60-resource JSON template and
// builds its unit.
func BenchmarkExtractJSONTemplate(b *testing.B) {
	src := jsonTemplate(60)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		f := policy.NewFile("stack.template.json", src)
		t := FromJSON(f, policy.DecodeJSON(src, nil))
		if t == nil || len(t.Unit().Documents) != 20 {
			b.Fatal("wrong template")
		}
	}
}
