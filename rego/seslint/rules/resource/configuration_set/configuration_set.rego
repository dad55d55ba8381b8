# METADATA
# title: Send grant does not cover the configuration set the stack defines
# description: |
#   SendEmail and SendRawEmail authorize the configuration-set resource as
#   well as the identity when a send names a configuration set (explicitly,
#   or as the identity's default). The stack or module defines a
#   configuration set, but this grant is restricted to identity ARNs and no
#   other Allow of the same policy (or, for a role, user, group or function
#   of the stack, of its other policies) grants these actions on the
#   configuration set: sends that use it fail with "554 Access denied".
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
import data.seslint.lib.unit

# A send grant whose Resource entries are all SES identity ARNs, for the
# send actions that also authorize a configuration set, when the unit
# defines configuration sets that no Allow applying together with the
# grant (the same policy, or for a principal of the unit all its policies)
# grants those actions on. Reported at the grant's first Resource entry.
unit_report contains result.fail(rego.metadata.chain(), {
	"message": sprintf("this stack or module defines %s, but this grant of %s names only identities: sends that use %s fail with 554 Access denied", [
		sets_phrase(missing),
		send.describe(uncovered),
		it(missing),
	]),
	"fix": fix(rs[0].value, missing),
	"document": g.document,
	"path": rs[0].path,
}) if {
	count(input.unit.configuration_sets) > 0
	some g in grant.grants
	acts := g.actions & with_configuration_set
	count(acts) > 0
	rs := grant.resources(g)
	count(rs) > 0
	count(rs) == count(policy.entries(g.statement, "Resource"))
	every r in rs {
		grant.identity_name(r.arn)
	}
	gaps := [{"set": s.name, "actions": left} |
		some ks in unit.contexts(g.document)
		cands := unit.candidates(ks, "configuration-set")
		some s in input.unit.configuration_sets
		left := acts - unit.allows_among(cands, concat("/", ["configuration-set", s.name]))
		count(left) > 0
	]
	count(gaps) > 0
	missing := sort({x.set | some x in gaps})
	uncovered := {a | some x in gaps; some a in x.actions}
}

# with_configuration_set are the send actions whose request also names a
# configuration-set resource (the catalog's resource types of the action).
with_configuration_set := {a |
	some a in policy.send_actions
	"configuration-set" in policy.catalog.actions[lower(a)].resource_types
}

sets_phrase([name]) := sprintf("configuration set %s", [name])

sets_phrase(names) := sprintf("configuration sets %s", [concat(", ", names)]) if {
	count(names) > 1
	count(names) <= 3
}

sets_phrase(names) := sprintf("configuration sets %s and %d more", [concat(", ", array.slice(names, 0, 2)), count(names) - 2]) if count(names) > 3

it([_]) := "it"

it(names) := "them" if count(names) > 1

fix(arn, names) := sprintf("add %s to Resource", [concat(", ", [set_arn(arn, n) | some n in names])]) if count(names) <= 3

fix(arn, names) := sprintf("add the ARNs of the configuration sets its senders use to Resource (%s, ...)", [set_arn(arn, names[0])]) if count(names) > 3

# set_arn is the identity ARN of the grant with the configuration set in
# place of its resource.
set_arn(arn, name) := sprintf("%q", [concat(":", array.concat(array.slice(p, 0, 5), [concat("/", ["configuration-set", name])]))]) if {
	p := policy.arn_parts(arn)
}
