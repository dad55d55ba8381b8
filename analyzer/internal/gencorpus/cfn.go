package main

import (
	"fmt"
	"strings"
)

// cfnCtx is the SES context of a CloudFormation template: ARNs from the
// MailDomain parameter and pseudo parameters.
func cfnCtx(f *file, s *svc, textual bool) *sesCtx {
	return &sesCtx{
		f: f, region: s.region, account: s.account, domain: s.domain, partner: s.partner, textual: textual,
		arn:  val{s: "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${MailDomain}", sub: true},
		bare: val{s: "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:" + s.domain, sub: true},
		from: val{s: "*@${MailDomain}", sub: true},
		sid:  "SendMail",
	}
}

func (g *gen) cfnTemplates(s *svc) error {
	n := 1
	for n < 5 && g.chance(3, 5) {
		n++
	}
	for k := 0; k < n; k++ {
		path := s.dir + "/template.yaml"
		if k > 0 {
			path = fmt.Sprintf("%s/templates/%s-%d.%s", s.dir, g.word(), k, g.pick([]string{"yaml", "yml", "yaml"}))
		}
		f := newFile(path, "cfn-yaml")
		g.cfnYAML(f, s)
		if err := g.emit(f); err != nil {
			return err
		}
	}
	return nil
}

// cfnYAML writes a template: parameters, conditions, an execution role,
// zero to two SES policies (inline YAML, an inline !Sub JSON block, a
// managed policy attached to the role, a SAM policy template), other IAM
// policies, and ordinary resources up to the file's size.
func (g *gen) cfnYAML(f *file, s *svc) {
	sam := g.chance(1, 4)
	f.w("AWSTemplateFormatVersion: \"2010-09-09\"\n")
	if sam {
		f.w("Transform: AWS::Serverless-2016-10-31\n")
	}
	f.wf("Description: >-\n  %s: %s %s resources (stage-specific names, alarms and the mail sender).\n\n", s.name, g.word(), g.word())
	f.wf(`Parameters:
  Stage:
    Type: String
    AllowedValues: [dev, staging, prod]
    Default: dev
  MailDomain:
    Type: String
    Default: %s
  AlarmEmail:
    Type: String
    Default: oncall@example.com

Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  HasAlarmEmail: !Not [!Equals [!Ref AlarmEmail, ""]]

Resources:
`, s.domain)
	target := g.target()
	g.cfnExecutionRole(f, s)
	if g.chance(1, 3) {
		f.w("  SenderIdentity:\n    Type: AWS::SES::EmailIdentity\n    Properties:\n      EmailIdentity: !Ref MailDomain\n\n")
	}
	nSES := g.r.IntN(3)
	for k := 0; k < nSES; k++ {
		g.cfnSESPolicy(f, s, k, sam)
	}
	for k := 0; f.size() < target-600; k++ {
		g.cfnFiller(f, s, k)
	}
	f.w("Outputs:\n  ExecutionRoleArn:\n    Value: !GetAtt ExecutionRole.Arn\n    Export:\n      Name: !Sub \"${AWS::StackName}-ExecutionRoleArn\"\n")
}

func (g *gen) cfnExecutionRole(f *file, s *svc) {
	c := cfnCtx(f, s, false)
	f.w(`  ExecutionRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: !Sub "${AWS::StackName}-execution"
      AssumeRolePolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
      ManagedPolicyArns:
        - !Sub "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
      Policies:
        - PolicyName: data-access
          PolicyDocument:
            `)
	f.w(renderYAML(g.otherPolicy(c, 1+g.r.IntN(3)), "            ", g.chance(1, 2)))
	f.w("\n\n")
}

// cfnSESPolicy writes one SES sending policy in one of the ways templates
// hold them.
func (g *gen) cfnSESPolicy(f *file, s *svc, k int, sam bool) {
	way := g.r.IntN(4)
	if sam && g.chance(1, 2) {
		way = 4
	}
	id := fmt.Sprintf("Mailer%d", k)
	switch way {
	case 0, 1: // a role with the policy inline, YAML or a !Sub JSON block
		c := cfnCtx(f, s, way == 1)
		p := g.senderPolicy(c)
		f.wf(`  %sRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {Service: lambda.amazonaws.com}
            Action: sts:AssumeRole
      Policies:
        - PolicyName: send-mail
          PolicyDocument:`, id)
		if way == 1 {
			f.w(" !Sub |\n            " + indent(renderJSON(p, ""), "            ") + "\n")
		} else {
			f.w("\n            " + renderYAML(p, "            ", g.chance(1, 2)) + "\n")
		}
	case 2, 3: // a managed policy attached to a role
		c := cfnCtx(f, s, false)
		p := g.senderPolicy(c)
		f.wf(`  %sRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: 2012-10-17
        Statement:
          - Effect: Allow
            Principal:
              Service: [lambda.amazonaws.com]
            Action: ["sts:AssumeRole"]
  %sPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Description: !Sub "Sending for ${MailDomain} (${Stage})"
      Roles: [!Ref %sRole]
      PolicyDocument:
        `, id, id, id)
		f.w(renderYAML(p, "        ", g.chance(1, 2)) + "\n")
	default: // a SAM function with SES policy templates
		f.wf(`  %sFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/%s/
      Timeout: 30
      Environment:
        Variables:
          SENDER: !Sub "no-reply@${MailDomain}"
          STAGE: !Ref Stage
      Policies:
        - SESCrudPolicy_v2:
            IdentityName: !Ref MailDomain
        - DynamoDBReadPolicy:
            TableName: !Sub "${AWS::StackName}-%s"
`, id, strings.ToLower(id), g.word())
	}
	f.w("\n")
}

// cfnFiller writes an ordinary resource of a service stack.
func (g *gen) cfnFiller(f *file, s *svc, k int) {
	name := camel(g.word())
	switch g.r.IntN(7) {
	case 0:
		f.wf(`  %sFunction%d:
    Type: AWS::Lambda::Function
    Properties:
      FunctionName: !Sub "${AWS::StackName}-%s-%d"
      Runtime: %s
      Handler: index.handler
      Role: !GetAtt ExecutionRole.Arn
      MemorySize: %d
      Timeout: %d
      Code:
        S3Bucket: !Sub "artifacts-${AWS::AccountId}-${AWS::Region}"
        S3Key: !Join ["/", [!Ref Stage, "%s", "bundle-%d.zip"]]
      Environment:
        Variables:
          STAGE: !Ref Stage
          LOG_LEVEL: !If [IsProd, info, debug]
          TABLE: !Sub "${AWS::StackName}-%s"
          REGION: !Ref "AWS::Region"
      TracingConfig:
        Mode: Active
      Tags:
        - Key: service
          Value: %s
        - Key: component
          Value: %s

`, name, k, strings.ToLower(name), k, g.pick([]string{"nodejs20.x", "python3.12", "java21", "provided.al2023"}),
			128<<g.r.IntN(4), 10+g.r.IntN(50), strings.ToLower(name), k, g.word(), s.name, g.word())
	case 1:
		f.wf(`  %sTable%d:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    Properties:
      TableName: !Sub "${AWS::StackName}-%s-%d"
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
        - AttributeName: sk
          AttributeType: S
        - AttributeName: gsi1pk
          AttributeType: S
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
        - AttributeName: sk
          KeyType: RANGE
      GlobalSecondaryIndexes:
        - IndexName: gsi1
          KeySchema:
            - AttributeName: gsi1pk
              KeyType: HASH
          Projection:
            ProjectionType: ALL
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: !If [IsProd, true, false]
      StreamSpecification:
        StreamViewType: NEW_AND_OLD_IMAGES

`, name, k, strings.ToLower(name), k)
	case 2:
		f.wf(`  %sQueue%d:
    Type: AWS::SQS::Queue
    Properties:
      QueueName: !Join ["-", [!Ref "AWS::StackName", %s, "%d"]]
      VisibilityTimeout: %d
      MessageRetentionPeriod: 1209600
      KmsMasterKeyId: alias/aws/sqs
  %sQueuePolicy%d:
    Type: AWS::SQS::QueuePolicy
    Properties:
      Queues: [!Ref %sQueue%d]
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {Service: sns.amazonaws.com}
            Action: sqs:SendMessage
            Resource: !GetAtt %sQueue%d.Arn

`, name, k, strings.ToLower(name), k, 30+g.r.IntN(300), name, k, name, k, name, k)
	case 3:
		f.wf(`  %sErrorsAlarm%d:
    Type: AWS::CloudWatch::Alarm
    Condition: HasAlarmEmail
    Properties:
      AlarmName: !Sub "${AWS::StackName}-%s-errors-%d"
      AlarmDescription: Errors in the %s handler over five minutes
      Namespace: AWS/Lambda
      MetricName: Errors
      Dimensions:
        - Name: FunctionName
          Value: !Sub "${AWS::StackName}-%s"
      Statistic: Sum
      Period: 300
      EvaluationPeriods: %d
      Threshold: %d
      ComparisonOperator: GreaterThanOrEqualToThreshold
      TreatMissingData: notBreaching
      AlarmActions:
        - !Ref AlarmTopic%d
  AlarmTopic%d:
    Type: AWS::SNS::Topic
    Properties:
      Subscription:
        - Endpoint: !Ref AlarmEmail
          Protocol: email

`, name, k, strings.ToLower(name), k, strings.ToLower(name), strings.ToLower(name), 1+g.r.IntN(3), 1+g.r.IntN(10), k, k)
	case 4:
		f.wf(`  %sBucket%d:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "${AWS::StackName}-%s-${AWS::AccountId}-%d"
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
      LifecycleConfiguration:
        Rules:
          - Id: expire-%s
            Status: Enabled
            ExpirationInDays: %d
      VersioningConfiguration:
        Status: !If [IsProd, Enabled, Suspended]

`, name, k, strings.ToLower(name), k, g.word(), 30+g.r.IntN(700))
	case 5:
		f.wf(`  %sLogGroup%d:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupName: !Sub "/aws/lambda/${AWS::StackName}-%s-%d"
      RetentionInDays: %s
  %sSchedule%d:
    Type: AWS::Events::Rule
    Properties:
      Description: !Sub "Runs the %s job for ${Stage}"
      ScheduleExpression: rate(%d minutes)
      State: !If [IsProd, ENABLED, DISABLED]
      Targets:
        - Id: %s
          Arn: !Select [0, !Split [",", !Sub "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${AWS::StackName}-%s"]]

`, name, k, strings.ToLower(name), k, g.pick([]string{"7", "14", "30", "90"}), name, k, g.word(), 5+g.r.IntN(55), strings.ToLower(name), strings.ToLower(name))
	default:
		f.wf(`  %sParameter%d:
    Type: AWS::SSM::Parameter
    Properties:
      Name: !Sub "/${Stage}/%s/%s/config"
      Type: String
      Value: !Sub |
        {"endpoint": "https://%s.internal.example.com", "timeoutMs": %d, "retries": %d, "region": "${AWS::Region}"}
      Description: Runtime configuration of the %s component

`, name, k, s.name, strings.ToLower(name), strings.ToLower(name), 100*(1+g.r.IntN(30)), g.r.IntN(5), strings.ToLower(name))
	}
}

// cdkOutput writes what `cdk synth` leaves in cdk.out: a JSON template
// with long-form intrinsics and an AWS::IAM::Policy attached to a role,
// the manifest and the construct tree.
func (g *gen) cdkOutput(s *svc) error {
	stack := camel(s.name) + "Stack"
	f := newFile(s.dir+"/cdk.out/"+stack+".template.json", "cfn-json")
	c := &sesCtx{
		f: f, region: s.region, account: s.account, domain: s.domain, partner: s.partner,
		arn:  val{s: "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/" + s.domain, sub: true},
		bare: val{s: "arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:" + s.domain, sub: true},
		from: lit("*@" + s.domain),
		sid:  "SendAs" + camel(strings.Split(s.domain, ".")[0]),
	}
	hash := func() string { return fmt.Sprintf("%08X", g.r.Uint32()) }
	role := "MailerServiceRole" + hash()
	var res obj
	res = append(res, kv{role, obj{
		{"Type", "AWS::IAM::Role"},
		{"Properties", obj{
			{"AssumeRolePolicyDocument", obj{{"Statement", []any{obj{{"Action", "sts:AssumeRole"}, {"Effect", "Allow"}, {"Principal", obj{{"Service", "lambda.amazonaws.com"}}}}}}, {"Version", "2012-10-17"}}},
			{"ManagedPolicyArns", []any{obj{{"Fn::Join", []any{"", []any{"arn:", obj{{"Ref", "AWS::Partition"}}, ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"}}}}}},
		}},
		{"Metadata", obj{{"aws:cdk:path", stack + "/Mailer/ServiceRole/Resource"}}},
	}})
	var p *pol
	if g.chance(1, 2) {
		p = g.senderPolicy(c)
	} else {
		p = g.otherPolicy(c, 1+g.r.IntN(3))
	}
	res = append(res, kv{"MailerServiceRoleDefaultPolicy" + hash(), obj{
		{"Type", "AWS::IAM::Policy"},
		{"Properties", obj{
			{"PolicyDocument", raw(renderCFNJSON(p, "    "))},
			{"PolicyName", "MailerServiceRoleDefaultPolicy"},
			{"Roles", []any{obj{{"Ref", role}}}},
		}},
		{"Metadata", obj{{"aws:cdk:path", stack + "/Mailer/ServiceRole/DefaultPolicy/Resource"}}},
	}})
	target := g.target()
	for k := 0; len(jsonText(res, "", " ")) < target-1200; k++ {
		name := camel(g.word())
		switch k % 3 {
		case 0:
			res = append(res, kv{name + "Handler" + hash(), obj{
				{"Type", "AWS::Lambda::Function"},
				{"Properties", obj{
					{"Code", obj{{"S3Bucket", obj{{"Fn::Sub", "cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}"}}}, {"S3Key", fmt.Sprintf("%064x.zip", g.r.Uint64())}}},
					{"Environment", obj{{"Variables", obj{{"SENDER", "no-reply@" + s.domain}, {"TABLE_NAME", obj{{"Ref", name + "Table"}}}}}}},
					{"Handler", "index.handler"},
					{"Role", obj{{"Fn::GetAtt", []any{role, "Arn"}}}},
					{"Runtime", "nodejs20.x"},
					{"Timeout", 30},
				}},
				{"DependsOn", []any{role}},
				{"Metadata", obj{{"aws:cdk:path", stack + "/" + name + "/Handler/Resource"}, {"aws:asset:path", "asset." + fmt.Sprintf("%016x", g.r.Uint64())}, {"aws:asset:is-bundled", true}, {"aws:asset:property", "Code"}}},
			}})
		case 1:
			res = append(res, kv{name + "Table" + hash(), obj{
				{"Type", "AWS::DynamoDB::Table"},
				{"Properties", obj{
					{"AttributeDefinitions", []any{obj{{"AttributeName", "pk"}, {"AttributeType", "S"}}, obj{{"AttributeName", "sk"}, {"AttributeType", "S"}}}},
					{"BillingMode", "PAY_PER_REQUEST"},
					{"KeySchema", []any{obj{{"AttributeName", "pk"}, {"KeyType", "HASH"}}, obj{{"AttributeName", "sk"}, {"KeyType", "RANGE"}}}},
				}},
				{"UpdateReplacePolicy", "Retain"},
				{"DeletionPolicy", "Retain"},
				{"Metadata", obj{{"aws:cdk:path", stack + "/" + name + "/Table/Resource"}}},
			}})
		default:
			res = append(res, kv{name + "Queue" + hash(), obj{
				{"Type", "AWS::SQS::Queue"},
				{"Properties", obj{{"VisibilityTimeout", 300}, {"RedrivePolicy", obj{{"deadLetterTargetArn", obj{{"Fn::GetAtt", []any{name + "Dlq", "Arn"}}}}, {"maxReceiveCount", 5}}}}},
				{"UpdateReplacePolicy", "Delete"},
				{"DeletionPolicy", "Delete"},
				{"Metadata", obj{{"aws:cdk:path", stack + "/" + name + "/Queue/Resource"}}},
			}})
		}
	}
	res = append(res, kv{"CDKMetadata", obj{
		{"Type", "AWS::CDK::Metadata"},
		{"Properties", obj{{"Analytics", "v2:deflate64:H4sIAAAAAAAA/" + strings.Repeat(fmt.Sprintf("%016x", g.r.Uint64()), 4)}}},
		{"Metadata", obj{{"aws:cdk:path", stack + "/CDKMetadata/Default"}}},
	}})
	tpl := obj{
		{"Description", s.name + " (generated by the CDK)"},
		{"Resources", res},
		{"Parameters", obj{{"BootstrapVersion", obj{{"Type", "AWS::SSM::Parameter::Value<String>"}, {"Default", "/cdk-bootstrap/hnb659fds/version"}, {"Description", "Version of the CDK Bootstrap resources in this environment, automatically retrieved from SSM Parameter Store. [cdk:skip]"}}}}},
		{"Rules", obj{{"CheckBootstrapVersion", obj{{"Assertions", []any{obj{
			{"Assert", obj{{"Fn::Not", []any{obj{{"Fn::Contains", []any{[]any{"1", "2", "3", "4", "5"}, obj{{"Ref", "BootstrapVersion"}}}}}}}}},
			{"AssertDescription", "CDK bootstrap stack version 6 required. Please run 'cdk bootstrap' with a recent version of the CDK CLI."},
		}}}}}}},
	}
	f.w(jsonText(tpl, "", " ") + "\n")
	if err := g.emit(f); err != nil {
		return err
	}
	// The manifest names each resource's logical id by its construct path,
	// as `cdk synth` writes it.
	meta := obj{}
	for _, r := range res {
		for _, e := range r.v.(obj) {
			if e.k != "Metadata" {
				continue
			}
			for _, me := range e.v.(obj) {
				if me.k == "aws:cdk:path" {
					meta = append(meta, kv{"/" + me.v.(string), []any{obj{{"type", "aws:cdk:logicalId"}, {"data", r.k}}}})
				}
			}
		}
	}
	m := newFile(s.dir+"/cdk.out/manifest.json", "noise-json")
	m.w(jsonText(obj{
		{"version", "36.0.0"},
		{"artifacts", obj{
			{stack + ".assets", obj{{"type", "cdk:asset-manifest"}, {"properties", obj{{"file", stack + ".assets.json"}}}}},
			{stack, obj{
				{"type", "aws:cloudformation:stack"},
				{"environment", "aws://" + s.account + "/" + s.region},
				{"properties", obj{
					{"templateFile", stack + ".template.json"},
					{"validateOnSynth", false},
					{"assumeRoleArn", "arn:${AWS::Partition}:iam::" + s.account + ":role/cdk-hnb659fds-deploy-role-" + s.account + "-" + s.region},
					{"cloudFormationExecutionRoleArn", "arn:${AWS::Partition}:iam::" + s.account + ":role/cdk-hnb659fds-cfn-exec-role-" + s.account + "-" + s.region},
					{"stackTemplateAssetObjectUrl", "s3://cdk-hnb659fds-assets-" + s.account + "-" + s.region + "/" + fmt.Sprintf("%016x", g.r.Uint64()) + ".json"},
					{"requiresBootstrapStackVersion", 6},
					{"bootstrapStackVersionSsmParameter", "/cdk-bootstrap/hnb659fds/version"},
				}},
				{"dependencies", []any{stack + ".assets"}},
				{"metadata", meta},
				{"displayName", stack},
			}},
			{"Tree", obj{{"type", "cdk:tree"}, {"properties", obj{{"file", "tree.json"}}}}},
		}},
	}, "", "  ") + "\n")
	return g.emit(m)
}
