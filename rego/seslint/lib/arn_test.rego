package seslint.lib.arn_test

import data.seslint.lib.arn

test_parts_keep_deploy_time_values_whole if {
	arn.parts("arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}") == [
		"arn", "${AWS::Partition}", "ses", "${AWS::Region}", "${AWS::AccountId}", "identity/${Domain}",
	]
	arn.parts("arn:aws:s3:::bucket") == ["arn", "aws", "s3", "", "", "bucket"]
}

test_is_ses if {
	arn.is_ses("arn:aws:ses:eu-west-1:123456789012:identity/example.com")
	arn.is_ses("arn:aws:SES:eu-west-1:123456789012:identity/example.com")
	arn.is_ses("arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/x")
	not arn.is_ses("arn:aws:s3:::bucket")
	not arn.is_ses("identity/example.com")
	not arn.is_ses(["arn:aws:ses:eu-west-1:123456789012:identity/x"])
}

test_resource_keeps_colons if {
	arn.resource("arn:aws:ses:us-east-1:123456789012:tenant/a:b") == "tenant/a:b"
	not arn.resource("arn:aws:ses:us-east-1")
}

test_matches_only_star_and_question_are_special if {
	arn.matches("us-*", "us-east-1")
	arn.matches("us-east-?", "us-east-1")
	arn.matches("*", "example.com:x/y")
	not arn.matches("[ab]", "a")
	arn.matches("[ab]", "[ab]")
}

test_well_formed_arns_have_no_problem if {
	every s in [
		"arn:aws:ses:eu-west-1:123456789012:identity/example.com",
		"arn:aws:ses:us-east-1:123456789012:identity/noreply@example.com",
		"arn:aws:ses:eu-west-1:123456789012:configuration-set/marketing",
		"arn:aws:ses:us-east-1:123456789012:tenant/acme/t-1",
		"arn:aws:ses:us-east-1:aws:reputation-policy/strict",
		"arn:aws-us-gov:ses:us-gov-west-1:123456789012:identity/example.gov",
		"arn:aws-cn:ses:cn-northwest-1:123456789012:identity/example.cn",
		"arn:aws-eusc:ses:eusc-de-east-1:123456789012:identity/example.de",
		"arn:aws:ses:*:*:*",
		"arn:aws:ses:*",
		"arn:aws:ses:eu-*:123456789012:identity/*",
		"arn:aws:ses:us-east-?:1234567890??:ident*",
		"arn:aws:ses:eu-west-1:*:*/example.com",
		"arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${Domain}",
		"arn:aws:ses:${var.region}:${data.aws_caller_identity.current.account_id}:identity/example.com",
		"arn:aws:ses:eu-west-1:123456789012:${IdentityArnSuffix}",
	] {
		not arn.problem(s)
	}
}

# The shortcut for well-formed ARNs agrees with the full checks on every
# partition and region the catalog lists and every resource type, and
# lets nothing malformed through.
test_well_formed_agrees_with_every_check if {
	count(data.seslint.catalog.partitions_with_region_list) > 0
	every q in data.seslint.catalog.partitions_with_region_list {
		every r in data.seslint.catalog.regions[q] {
			every t in arn.types {
				s := sprintf("arn:%s:ses:%s:123456789012:%s/x", [q, r, t])
				arn.well_formed(s)
				arn.checked_problems(s) == []
			}
		}
	}
	every s in [
		"arn:aws:ses:eu-*:123456789012:identity/x",
		"arn:aws:ses:eu-west-1:123456789012:identity/*",
		"arn:aws:ses:eu-west-1:${AWS::AccountId}:identity/x",
		"arn:aws:ses:eu-west-1:123456789012:identity/a:b",
		"arn:aws-cn:ses:cn-north-1:123456789012:identity/x",
		"arn:aws:ses:us-east-3:123456789012:identity/x",
		"arn:aws:ses:eu-west-1:1234567890123:identity/x",
		"arn:aws:ses:eu-west-1:123456789012:identity/",
		"arn:aws:ses:eu-west-1:123456789012:identty/x",
		"arn:aws:ses:eu-west-1:123456789012:example.com",
	] {
		not arn.well_formed(s)
	}
}

problem(s) := arn.problem(s).text

test_parts_missing if {
	problem("arn:aws:ses:eu-west-1:identity/example.com") == "it has 5 of the 6 parts of arn:PARTITION:ses:REGION:ACCOUNT:TYPE/NAME"
}

test_partition if {
	problem("arn:aws-china:ses:cn-north-1:123456789012:identity/x") == "unknown partition \"aws-china\" (did you mean aws-cn?)"
	problem("arn:AWS:ses:eu-west-1:123456789012:identity/x") == "unknown partition \"AWS\" (did you mean aws?)"
	problem("arn:gcp*:ses:eu-west-1:123456789012:identity/x") == "partition pattern \"gcp*\" matches no partition"
	problem("arn::ses:eu-west-1:123456789012:identity/x") == "the partition is empty (aws, aws-cn, aws-us-gov, ...)"
}

test_region if {
	problem("arn:aws:ses:us-east-3:123456789012:identity/x") == "SES is not offered in us-east-3 (did you mean us-east-1?)"
	problem("arn:aws:ses:us-gov-north-1:123456789012:identity/x") == "\"us-gov-north-1\" is not a region of partition aws"
	problem("arn:aws-us-gov:ses:us-gov-north-1:123456789012:identity/x") == "SES is not offered in us-gov-north-1 (did you mean us-gov-east-1?)"
	problem("arn:aws:ses:eu-west:123456789012:identity/x") == "\"eu-west\" is not a region of partition aws (did you mean eu-west-1?)"
	problem("arn:aws:ses:EU-WEST-1:123456789012:identity/x") == "\"EU-WEST-1\" is not a region of partition aws (did you mean eu-west-1?)"
	problem("arn:aws:ses:xx-*:123456789012:identity/x") == "region pattern \"xx-*\" matches no region where SES is offered"
	problem("arn:aws:ses::123456789012:identity/x") == "the region is empty: SES ARNs name the region of the resource (e.g. eu-west-1)"
	problem("arn:${AWS::Partition}:ses:moon-1:123456789012:identity/x") == "\"moon-1\" is not a region of any partition"
}

test_account if {
	arn.problem("arn:aws:ses:eu-west-1:1234-5678-9012:identity/x") == {
		"text": "account \"1234-5678-9012\" is not a 12-digit account ID",
		"arn": "arn:aws:ses:eu-west-1:123456789012:identity/x",
	}
	arn.problem("arn:aws:ses:eu-west-1:12345678901:identity/x") == {"text": "account \"12345678901\" is not a 12-digit account ID"}
	problem("arn:aws:ses:eu-west-1:1234?:identity/x") == "account \"1234?\" is not a 12-digit account ID"
	problem("arn:aws:ses:eu-west-1::identity/x") == "the account ID is empty: SES ARNs name the 12-digit account that owns the resource"
	problem("arn:aws:ses:eu-west-1:aws:identity/x") == "the account \"aws\" is only valid in reputation-policy ARNs"
}

test_resource_without_type_gets_the_identity_arn if {
	arn.problem("arn:aws:ses:eu-west-1:123456789012:example.com") == {
		"text": "the resource \"example.com\" lacks its type (identity/ for an identity)",
		"arn": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",
	}
	arn.problem("arn:aws:ses:eu-west-1:123456789012:identity:example.com") == {
		"text": "the resource type \"identity\" is followed by \":\" instead of \"/\"",
		"arn": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",
	}
}

test_resource_type if {
	problem("arn:aws:ses:eu-west-1:123456789012:identty/example.com") == "unknown SES resource type \"identty\" (did you mean identity?)"
	problem("arn:aws:ses:eu-west-1:123456789012:identities/example.com") == "unknown SES resource type \"identities\" (did you mean identity?)"
	problem("arn:aws:ses:eu-west-1:123456789012:Identity/example.com") == "unknown SES resource type \"Identity\" (did you mean identity?)"
	problem("arn:aws:ses:eu-west-1:123456789012:bucket/x") == "unknown SES resource type \"bucket\""
	problem("arn:aws:ses:eu-west-1:123456789012:identity") == "it names the resource type \"identity\" but no resource: write identity/NAME"
	problem("arn:aws:ses:eu-west-1:123456789012:identity/") == "nothing follows \"identity/\": name the resource (identity/NAME)"
	problem("arn:aws:ses:eu-west-1:123456789012:") == "the resource is empty: it must end in TYPE/NAME, e.g. identity/example.com"
	problem("arn:aws:ses:eu-west-1:123456789012:foo*") == "resource pattern \"foo*\" matches no SES resource type"
	problem("arn:aws:ses:eu-west-1:123456789012:foo*/x") == "resource type pattern \"foo*\" matches no SES resource type"
}

test_first_problem_only if {
	count(arn.problems("arn:AWS:ses:us-east-3:1:example.com")) == 3
	problem("arn:AWS:ses:us-east-3:1:example.com") == "unknown partition \"AWS\" (did you mean aws?)"
}

test_could_be_identity if {
	every s in [
		"*",
		"arn:aws:ses:eu-west-1:123456789012:identity/example.com",
		"arn:aws:ses:*:*:*",
		"arn:aws:ses:*",
		"arn:aws:*:*:*:*",
		"arn:aws:ses:eu-west-1:123456789012:ident*",
		"arn:aws:ses:eu-west-1:123456789012:*/example.com",
		"${IdentityArn}",
		"arn:aws:ses:${AWS::Region}:${AWS::AccountId}:${Name}",
		"arn:aws:ses:eu-west-1:123456789012:example.com",
		"example.com",
	] {
		arn.could_be_identity(s)
	}
}

test_not_identity if {
	every s in [
		"arn:aws:ses:eu-west-1:123456789012:configuration-set/marketing",
		"arn:aws:ses:eu-west-1:123456789012:configuration-set/*",
		"arn:aws:ses:eu-west-1:123456789012:template/welcome",
		"arn:aws:ses:${AWS::Region}:${AWS::AccountId}:template/welcome",
		"arn:aws:s3:::mail-bucket/*",
		"arn:aws:sns:eu-west-1:123456789012:bounces",
	] {
		arn.not_identity(s)
		not arn.could_be_identity(s)
	}
}
