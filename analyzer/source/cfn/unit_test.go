package cfn

import (
	"reflect"
	"testing"

	"github.com/seslint/seslint/analyzer/policy"
)

func TestUnitRelatesPrincipalsPoliciesAndBoundaries(t *testing.T) {
	src := `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  OrgBoundary: {Type: String}
Resources:
  Boundary:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: 2012-10-17
        Statement: [{Effect: Allow, Action: "s3:*", Resource: "*"}]
  Shared:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: [{Effect: Allow, Action: ses:SendEmail, Resource: "*"}]
  Sender:
    Type: AWS::IAM::Role
    Properties:
      PermissionsBoundary: !Ref Boundary
      ManagedPolicyArns: [!Ref Shared]
      Policies:
        - PolicyName: raw
          PolicyDocument:
            Statement: [{Effect: Allow, Action: ses:SendRawEmail, Resource: "*"}]
  Attached:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: deny
      Roles: [!Ref Sender, !Ref Other]
      PolicyDocument:
        Statement: [{Effect: Deny, Action: "ses:*", Resource: "*"}]
  Other:
    Type: AWS::IAM::User
    Properties:
      PermissionsBoundary: !Ref OrgBoundary
  Domain:
    Type: AWS::SES::EmailIdentity
    Properties:
      EmailIdentity: example.com
  Events:
    Type: AWS::SES::ConfigurationSet
    Properties:
      Name: events
  Unnamed:
    Type: AWS::SES::ConfigurationSet
`
	f, tpl := parseYAML(t, src)
	u := tpl.Unit()
	var owners []string
	for _, d := range u.Documents {
		owners = append(owners, d.Owner+":"+string(d.Kind))
	}
	want := []string{"Boundary:boundary", "Shared:identity", "Sender:identity", "Attached:identity"}
	if !reflect.DeepEqual(owners, want) {
		t.Fatalf("documents %v, want %v", owners, want)
	}
	if len(u.Principals) != 2 {
		t.Fatalf("%d principals", len(u.Principals))
	}
	s, o := u.Principals[0], u.Principals[1]
	if s.Name != "Sender" || !reflect.DeepEqual(s.Policies, []int{2, 1, 3}) || s.Boundary != 0 || s.BoundaryRef != "${Boundary}" {
		t.Errorf("Sender: %+v", s)
	}
	if o.Name != "Other" || !reflect.DeepEqual(o.Policies, []int{3}) || o.Boundary != -1 || o.BoundaryRef != "${OrgBoundary}" {
		t.Errorf("Other: %+v", o)
	}
	for i, d := range u.Documents {
		if !d.Attached {
			t.Errorf("document %d (%s) should be attached", i, d.Owner)
		}
	}
	pb, _ := s.Node.Lookup([]policy.PathElem{"PermissionsBoundary"}, false)
	if got := f.Position(pb.Start); got != (policy.Position{Line: 19, Column: 28}) {
		t.Errorf("PermissionsBoundary at %v", got)
	}
	if len(u.Identities) != 1 || u.Identities[0].Name != "example.com" || u.Identities[0].Region != "" {
		t.Errorf("identities %+v", u.Identities)
	}
	if len(u.ConfigurationSets) != 2 || u.ConfigurationSets[0].Name != "events" || u.ConfigurationSets[1].Name != "${Unnamed}" {
		t.Errorf("configuration sets %+v", u.ConfigurationSets)
	}
}

func TestSAMFunctionIsAPrincipal(t *testing.T) {
	src := `Transform: AWS::Serverless-2016-10-31
Resources:
  Mailer:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - SESCrudPolicy:
            IdentityName: example.com
        - Statement: [{Effect: Allow, Action: ses:SendBulkEmail, Resource: "*"}]
  WithRole:
    Type: AWS::Serverless::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
`
	_, tpl := parseYAML(t, src)
	u := tpl.Unit()
	if len(u.Principals) != 1 || u.Principals[0].Name != "Mailer" || !reflect.DeepEqual(u.Principals[0].Policies, []int{0, 1}) {
		t.Fatalf("principals %+v", u.Principals)
	}
	if u.Documents[0].Origin != "SAM policy template SESCrudPolicy" {
		t.Errorf("origin %q", u.Documents[0].Origin)
	}
}
