package cfn

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/seslint/seslint/analyzer/policy"
)

// The CloudFormation fixtures (fixtures/cloudformation/<RULE>) list every
// finding as file:line:column; these tests check that those positions are
// the first character of an element, and pin the positions of the
// template forms the fixtures use, one form at a time.

// expectedPosition is a file:line:column of an expected.txt: a finding, or
// a commented "want" line of a known problem ("#   file:l:c RULE ...").
type expectedPosition struct {
	dir, file  string
	line, col  int
	rule, from string
}

var (
	findingLineRe = regexp.MustCompile(`^(\S+):(\d+):(\d+) (SES\d{3})\b`)
	wantLineRe    = regexp.MustCompile(`^#\s+(\S+):(\d+):(\d+) (SES\d{3})\b`)
)

func readExpectedPositions(t *testing.T, dir string) []expectedPosition {
	t.Helper()
	f, err := os.Open(filepath.Join(dir, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []expectedPosition
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		text := strings.TrimSpace(sc.Text())
		m := findingLineRe.FindStringSubmatch(text)
		if m == nil {
			m = wantLineRe.FindStringSubmatch(text)
		}
		if m == nil {
			continue
		}
		line, _ := strconv.Atoi(m[2])
		col, _ := strconv.Atoi(m[3])
		out = append(out, expectedPosition{
			dir: dir, file: m[1], line: line, col: col, rule: m[4],
			from: filepath.Base(dir) + "/expected.txt:" + strconv.Itoa(n),
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// wordRune is a character that continues an action, ARN, key or number:
// a position between two of them is inside an element, not at its start.
func wordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(":-_./*@$?", r)
}

// TestFixturePositionsStartElements checks every position an expected.txt
// of fixtures/cloudformation names, findings and the commented "want"
// positions of known problems alike: the line and column exist, and the
// column is the first character of an element (not blank, not inside a
// word such as the "SendEmail" of "ses:SendEmail").
func TestFixturePositionsStartElements(t *testing.T) {
	dirs, err := filepath.Glob("../../../fixtures/cloudformation/*")
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatal("no fixture directories")
	}
	checked := 0
	for _, dir := range dirs {
		if _, err := os.Stat(filepath.Join(dir, "expected.txt")); err != nil {
			continue
		}
		for _, p := range readExpectedPositions(t, dir) {
			content, err := os.ReadFile(filepath.Join(p.dir, p.file))
			if err != nil {
				t.Errorf("%s: %v", p.from, err)
				continue
			}
			lines := strings.Split(string(content), "\n")
			if p.line < 1 || p.line > len(lines) {
				t.Errorf("%s: %s has no line %d", p.from, p.file, p.line)
				continue
			}
			runes := []rune(lines[p.line-1])
			if p.col < 1 || p.col > len(runes) {
				t.Errorf("%s: %s:%d has no column %d (%d characters): a finding past the end of a line", p.from, p.file, p.line, p.col, len(runes))
				continue
			}
			cur := runes[p.col-1]
			if unicode.IsSpace(cur) {
				t.Errorf("%s: %s:%d:%d is blank", p.from, p.file, p.line, p.col)
			}
			if p.col > 1 && wordRune(runes[p.col-2]) && wordRune(cur) {
				t.Errorf("%s: %s:%d:%d is inside %q, not at the start of an element", p.from, p.file, p.line, p.col, string(runes))
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no positions checked")
	}
}

// formCase is one template form: where the element a rule would report
// lands, and the text there.
type formCase struct {
	name string
	src  string
	json bool
	// doc picks the document (by owner) and, with an Fn::If, the variant.
	owner   string
	variant int
	path    []policy.PathElem
	key     bool
	want    policy.Position
	text    string
}

func documentsOf(t *testing.T, name, src string, isJSON bool) (*policy.File, []*policy.Document) {
	t.Helper()
	if !isJSON {
		f, tpl := parseYAML(t, src)
		return f, tpl.Documents()
	}
	f := policy.NewFile(name+".json", []byte(src))
	dec := policy.DecodeJSON(f.Content, nil)
	if dec.Root == nil {
		t.Fatalf("JSON does not decode: %v", dec.Errors)
	}
	tpl := FromJSON(f, dec)
	if tpl == nil {
		t.Fatal("not recognised as a template")
	}
	return f, tpl.Documents()
}

func TestTemplateFormPositions(t *testing.T) {
	cases := []formCase{
		{
			name: "Sub list form: the template string",
			src: `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Action: ses:SendEmail
            Resource: !Sub
              - arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}
              - Domain: !Select [1, !Split ["@", !Ref SenderAddress]]
            Condition:
              StringEquals:
                ses:FromAddress: !Sub ["*@${Domain}", {Domain: !Select [1, !Split ["@", !Ref SenderAddress]]}]
`,
			owner: "P", path: []policy.PathElem{"Statement", 0, "Condition", "StringEquals", "ses:FromAddress"},
			want: policy.Position{Line: 15, Column: 40}, text: `"*@${Domain}"`,
		},
		{
			name: "Sub list form: resource",
			src: `Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Action: ses:SendEmail
            Resource: !Sub
              - arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}
              - Domain: !Select [1, !Split ["@", !Ref SenderAddress]]
`,
			owner: "P", path: []policy.PathElem{"Statement", 0, "Resource"},
			want: policy.Position{Line: 11, Column: 17}, text: `arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}`,
		},
		{
			name: "SAM policy template: every generated element is the template's name",
			src: `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - AWSLambdaBasicExecutionRole
        - SESCrudPolicy:
            IdentityName: example.com
`,
			owner: "Fn", path: []policy.PathElem{"Statement", 0, "Action", 3},
			want: policy.Position{Line: 8, Column: 11}, text: "SESCrudPolicy",
		},
		{
			name: "SAM policy template in JSON: the key's opening quote",
			json: true,
			src: `{"Transform": "AWS::Serverless-2016-10-31", "Resources": {"Fn": {"Type": "AWS::Serverless::Function", "Properties": {
  "Policies": [{"SESCrudPolicy": {"IdentityName": "example.com"}}]}}}}`,
			owner: "Fn", path: []policy.PathElem{"Statement", 0, "Resource"},
			want: policy.Position{Line: 2, Column: 17}, text: `"SESCrudPolicy"`,
		},
		{
			name: "single-quoted YAML string folded over lines",
			src: `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: '{"Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["ses:SendEmail", "ses:SendRawEmails"],
        "Resource": "arn:aws:ses:eu-west-1:123456789012:identity/example.com"}]}'
`,
			owner: "P", path: []policy.PathElem{"Statement", 0, "Action", 1},
			want: policy.Position{Line: 7, Column: 71}, text: `"ses:SendRawEmails"`,
		},
		{
			name: "folded block scalar",
			src: `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: >
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
          "Action": ["ses:SendEmails", "ses:SendRawEmail"], "Resource": "*"}]}
`,
			owner: "P", path: []policy.PathElem{"Statement", 0, "Action", 0},
			want: policy.Position{Line: 8, Column: 22}, text: `"ses:SendEmails"`,
		},
		{
			name: "YAML !Join of JSON fragments",
			src: `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: !Join
        - ""
        - - '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:SendEmail", '
          - '"Resource": "arn:aws:ses:'
          - !Ref AWS::Region
          - ':'
          - !Ref AWS::AccountId
          - ':identity/example.com"}]}'
`,
			owner: "P", path: []policy.PathElem{"Statement", 0, "Resource"},
			want: policy.Position{Line: 9, Column: 26}, text: `"arn:aws:ses:'
          - !Ref AWS::Region
          - ':'
          - !Ref AWS::AccountId
          - ':identity/example.com"`,
		},
		{
			name: "JSON Fn::Join of JSON fragments: escaped quote in the fragment",
			json: true,
			src: `{"Resources": {"P": {"Type": "Custom::SESIdentityPolicy", "Properties": {
  "Identity": "example.com",
  "Policy": {"Fn::Join": ["", [
    "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", ",
    "\"Principal\": {\"AWS\": \"111122223333\"}, \"Action\": \"ses:SendEmail\", ",
    "\"Resource\": \"arn:aws:ses:", {"Ref": "AWS::Region"}, ":", {"Ref": "AWS::AccountId"}, ":identity/example.com\"}]}"
  ]]}}}}}`,
			owner: "P", path: []policy.PathElem{"Statement", 0, "Action"},
			want: policy.Position{Line: 5, Column: 62}, text: `\"ses:SendEmail\"`,
		},
		{
			name: "JSON Fn::Sub string",
			json: true,
			src: `{"Resources": {"U": {"Type": "AWS::IAM::User", "Properties": {"Policies": [{"PolicyName": "smtp",
  "PolicyDocument": {"Fn::Sub": "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ses:SendRawEmail\", \"Resource\": \"arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/example.com\"}]}"}}]}}}}`,
			owner: "U", path: []policy.PathElem{"Statement", 0, "Action"},
			want: policy.Position{Line: 2, Column: 116}, text: `\"ses:SendRawEmail\"`,
		},
		{
			name: "!Join ARN: the tag",
			src: `Resources:
  U:
    Type: AWS::IAM::User
    Properties:
      Policies:
        - PolicyName: smtp
          PolicyDocument:
            Version: 2012-10-17
            Statement:
              - Effect: Allow
                Action: ses:SendRawEmail
                Resource: !Join
                  - ""
                  - - "arn:"
                    - !Ref AWS::Partition
                    - ":ses:"
                    - !Ref AWS::Region
`,
			owner: "U", path: []policy.PathElem{"Statement", 0, "Resource"},
			want: policy.Position{Line: 12, Column: 27}, text: `!Join
                  - ""
                  - - "arn:"
                    - !Ref AWS::Partition
                    - ":ses:"
                    - !Ref AWS::Region`,
		},
		{
			name: "Fn::If branch value in JSON",
			json: true,
			src: `{"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": {"Fn::If": ["IsDev", "ses:*", ["ses:SendEmail", "ses:SendRawEmail"]]}, "Resource": "*"}]}}}}}`,
			owner: "P", variant: 0, path: []policy.PathElem{"Statement", 0, "Action"},
			want: policy.Position{Line: 2, Column: 54}, text: `"ses:*"`,
		},
		{
			name: "Fn::If other branch",
			json: true,
			src: `{"Resources": {"P": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": {"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Action": {"Fn::If": ["IsDev", "ses:*", ["ses:SendEmail", "ses:SendRawEmail"]]}, "Resource": "*"}]}}}}}`,
			owner: "P", variant: 1, path: []policy.PathElem{"Statement", 0, "Action", 1},
			want: policy.Position{Line: 2, Column: 81}, text: `"ses:SendRawEmail"`,
		},
		{
			name: "unquoted YAML timestamp in a condition",
			src: `Resources:
  A:
    Type: Custom::SESIdentityPolicy
    Properties:
      Identity: example.com
      PolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Principal: {AWS: "999999999999"}
            Action: ses:SendEmail
            Resource: arn:aws:ses:us-east-1:123456789012:identity/example.com
            Condition:
              DateLessThan:
                aws:CurrentTime: 2019-07-30T00:00:00Z
`,
			owner: "A", path: []policy.PathElem{"Statement", 0, "Condition", "DateLessThan", "aws:CurrentTime"},
			want: policy.Position{Line: 15, Column: 34}, text: "2019-07-30T00:00:00Z",
		},
		{
			name: "YAML condition key",
			src: `Resources:
  A:
    Type: Custom::SESIdentityPolicy
    Properties:
      Identity: example.com
      PolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Principal: {AWS: "999999999999"}
            Action: ses:SendEmail
            Resource: arn:aws:ses:us-east-1:123456789012:identity/example.com
            Condition:
              StringEquals:
                aws:PrincipalOrgID: !Ref OrganizationId
`,
			owner: "A", path: []policy.PathElem{"Statement", 0, "Condition", "StringEquals", "aws:PrincipalOrgID"}, key: true,
			want: policy.Position{Line: 15, Column: 17}, text: "aws:PrincipalOrgID",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, docs := documentsOf(t, c.name, c.src, c.json)
			var mine []*policy.Document
			for _, d := range docs {
				if d.Owner == c.owner {
					mine = append(mine, d)
				}
			}
			if c.variant >= len(mine) {
				t.Fatalf("%d documents of %s, want variant %d", len(mine), c.owner, c.variant)
			}
			d := mine[c.variant]
			if d.Decoded == nil || d.Decoded.Root == nil {
				t.Fatalf("document of %s not decoded: %+v", c.owner, d.Decoded)
			}
			if len(d.Decoded.Errors) > 0 {
				t.Fatalf("decode errors: %v", d.Decoded.Errors)
			}
			s, ok := d.Decoded.Root.Lookup(c.path, c.key)
			if !ok {
				t.Fatalf("%v not found", c.path)
			}
			if got := f.Position(s.Start); got != c.want {
				t.Errorf("%v at %d:%d, want %d:%d", c.path, got.Line, got.Column, c.want.Line, c.want.Column)
			}
			if got := c.src[s.Start:s.End]; got != c.text {
				t.Errorf("%v spans %q, want %q", c.path, got, c.text)
			}
		})
	}
}

func TestCustomResourceRecord(t *testing.T) {
	src := `Resources:
  NewsletterIdentity:
    Type: AWS::SES::EmailIdentity
    Properties:
      EmailIdentity: news.example.com
  Auth:
    Type: Custom::SESIdentityPolicy
    Properties:
      ServiceToken: !ImportValue ses-identity-policy-provider
      Identity: !Ref NewsletterIdentity
      PolicyName: newsletter-agency
      PolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Principal: {AWS: "888899990000"}
            Action: [ses:SendEmail, ses:SendRawEmail]
            Resource: !Sub arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/${NewsletterIdentity}
`
	_, tpl := parseYAML(t, src)
	docs := tpl.Documents()
	if len(docs) != 1 {
		t.Fatalf("%d documents", len(docs))
	}
	d := docs[0]
	if d.Kind != policy.SendingAuthorization || d.Owner != "Auth" || d.Name != "newsletter-agency" || d.Identity != "news.example.com" {
		t.Errorf("record kind %q owner %q name %q identity %q", d.Kind, d.Owner, d.Name, d.Identity)
	}
	st, _ := d.Decoded.Root.Get("Statement")
	r, _ := st.Elems[0].Get("Resource")
	if r.Text != "arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/news.example.com" {
		t.Errorf("Resource resolved to %q", r.Text)
	}
}

// Policies chosen by Fn::If: every variant the template can deploy is a
// document (fixtures/cloudformation/SES107/bad_if_*.yaml), and the
// AWS::NoValue variant is none.
func TestIfVariants(t *testing.T) {
	head := `AWSTemplateFormatVersion: "2010-09-09"
Conditions:
  IsProd: !Equals [!Ref Environment, prod]
Resources:
`
	t.Run("Fn::If choosing between !Sub JSON policies", func(t *testing.T) {
		f, tpl := parseYAML(t, head+`  P:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument: !If
        - IsProd
        - !Sub '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:SendEmails", "Resource": "*"}]}'
        - !Sub '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:SendEmail", "Resource": "*"}]}'
`)
		docs := tpl.Documents()
		if len(docs) == 0 || docs[0].Decoded.Root == nil || docs[0].Decoded.Root.Kind != policy.Object {
			t.Fatalf("want the IsProd variant decoded as a policy, got %+v", docs)
		}
		s, ok := docs[0].Decoded.Root.Lookup([]policy.PathElem{"Statement", 0, "Action"}, false)
		if got := f.Position(s.Start); !ok || got != (policy.Position{Line: 10, Column: 87}) {
			t.Errorf("Action at %v", got)
		}
	})
	t.Run("Policies entry under Fn::If", func(t *testing.T) {
		_, tpl := parseYAML(t, head+`  R:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - !If
          - IsProd
          - PolicyName: send
            PolicyDocument: {Version: 2012-10-17, Statement: [{Effect: Allow, Action: ses:SendEmail, Resource: "*"}]}
          - !Ref AWS::NoValue
`)
		if docs := tpl.Documents(); len(docs) == 0 {
			t.Error("want the IsProd variant's policy")
		}
	})
	t.Run("PolicyDocument: !If with AWS::NoValue", func(t *testing.T) {
		_, tpl := parseYAML(t, head+`  P:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: send
      Roles: [mailer]
      PolicyDocument: !If
        - IsProd
        - {Version: 2012-10-17, Statement: [{Effect: Allow, Action: ses:SendEmail, Resource: "*"}]}
        - !Ref AWS::NoValue
`)
		docs := tpl.Documents()
		if len(docs) != 1 || docs[0].Decoded.Root == nil {
			t.Fatalf("want only the IsProd variant's policy, got %d documents", len(docs))
		}
	})
}
