# METADATA
# title: Send grant does not cover the configuration set the stack defines
# description: |
#   SendEmail and SendRawEmail authorize the configuration-set resource as
#   well as the identity when a send names a configuration set (explicitly,
#   or as the identity's default). The stack or module defines a
#   configuration set, but this grant is restricted to identity ARNs: sends
#   that use the configuration set fail with "554 Access denied".
# related_resources:
#   - description: Actions, resources and condition keys for Amazon SES
#     ref: https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonses.html
# custom:
#   id: SES306
#   severity: warning
#   seed: "003"
#   remediation: |
#     Add the configuration set's ARN
#     (arn:aws:ses:REGION:ACCOUNT:configuration-set/NAME) to the grant's
#     Resource.
#   example:
#     bad: |
#       Resource: !Sub "arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/example.com"
#     good: |
#       Resource:
#         - !Sub "arn:aws:ses:${AWS::Region}:${AWS::AccountId}:identity/example.com"
#         - !Sub "arn:aws:ses:${AWS::Region}:${AWS::AccountId}:configuration-set/${EventsSet}"
package seslint.rules.resource.configuration_set

import data.seslint.lib.grant
import data.seslint.lib.policy
import data.seslint.lib.result
import data.seslint.lib.send

unit_report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("%s defines configuration set %s, but this grant of %s names only identities: sends that use the configuration set fail with 554 Access denied", [where, sets, send.describe(acts)]),
	"document": g.document,
	"path": rs[0].path,
}) if {
	count(input.unit.configuration_sets) > 0
	some g in grant.grants
	acts := {a | some a in g.actions; "configuration-set" in policy.catalog.actions[lower(a)].resource_types}
	count(acts) > 0
	rs := grant.resources(g)
	count(rs) > 0
	every r in rs {
		grant.identity_name(r.arn)
	}
	sets := concat(", ", sort([s.name | some s in input.unit.configuration_sets]))
	where := "this stack or module"
}
