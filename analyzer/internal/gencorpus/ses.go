package main

import (
	"fmt"
	"strings"
)

// sesCtx is what an SES policy is written about: the identity's ARN and
// the sender address pattern, written as the source writes them.
type sesCtx struct {
	f       *file
	region  string
	account string
	domain  string
	// arn is the identity's ARN, from a template parameter (!Sub), a
	// Terraform expression or literal; bare is the same without
	// "identity/" (the seeded malformed ARN).
	arn, bare val
	from      val
	partner   string // a delegated sender's account (sending authorization)
	// sid names the sending statement: after the domain when the policy
	// names it literally, "SendMail" when it is written against a
	// template parameter or variable (a blueprint copied between
	// services, whose policies are then the same text).
	sid string
	// textual: the policy is written as JSON text (a file, a !Sub block, a
	// heredoc, a Go string), where a trailing comma can be seeded.
	textual bool
}

// The seeded mistakes.
const (
	sendWithoutRaw    = "send without raw"
	quotaOnIdentity   = "quota on an identity"
	misspelledAction  = "misspelled action"
	arnWithoutType    = "ARN without resource type"
	misspelledKey     = "misspelled condition key"
	denyAllSES        = "deny of ses:*"
	trailingComma     = "trailing comma"
	mistakes          = 5 // one SES policy in mistakes carries one
	ruleSendRawPair   = "send.send_raw_pair"
	ruleResourceLevel = "resource.resource_level"
	ruleUnknownAction = "grammar.unknown_action"
	ruleMalformedARN  = "resource.malformed_arn"
	ruleUnknownKey    = "send.unknown_condition_key"
	ruleDenySend      = "send.deny_send"
	ruleDenyShadows   = "send.deny_shadows_allow"
	ruleInvalidJSON   = "grammar.invalid_json"
	rulePublic        = "authorization.public_principal"
)

// senderPolicy is an application's sending policy: send on the identity,
// the quota reads on "*". One in five carries a seeded mistake.
func (g *gen) senderPolicy(c *sesCtx) *pol {
	send := stmt{
		sid:       c.sid,
		effect:    "Allow",
		actions:   []string{"ses:SendEmail", "ses:SendRawEmail"},
		resources: []val{c.arn},
	}
	if g.r.IntN(3) > 0 {
		send.conds = []cond{{op: "StringLike", key: "ses:FromAddress", vals: []val{c.from}}}
	}
	quota := stmt{sid: "ReadSendingLimits", effect: "Allow", actions: []string{"ses:GetSendQuota", "ses:GetSendStatistics"}, resources: []val{lit("*")}}
	p := &pol{version: "2012-10-17", stmts: []stmt{send, quota}, inline: g.r.IntN(2) == 0}
	if g.r.IntN(4) == 0 {
		p.stmts = p.stmts[:1]
	}
	if g.r.IntN(mistakes) != 0 {
		return p
	}
	kinds := []string{sendWithoutRaw, quotaOnIdentity, misspelledAction, arnWithoutType, misspelledKey, denyAllSES}
	if c.textual {
		kinds = append(kinds, trailingComma)
	}
	switch kinds[g.r.IntN(len(kinds))] {
	case sendWithoutRaw:
		p.stmts[0].actions = []string{c.f.mark(ruleSendRawPair, "ses:SendEmail is allowed but ses:SendRawEmail is not") + "ses:SendEmail"}
	case quotaOnIdentity:
		p.stmts = append(p.stmts[:1], stmt{sid: "ReadQuota", effect: "Allow",
			actions:   []string{c.f.mark(ruleResourceLevel, "ses:GetSendQuota has no resource-level permissions") + "ses:GetSendQuota"},
			resources: []val{c.arn}})
	case misspelledAction:
		p.stmts = append(p.stmts[:1], stmt{sid: "ReadSendingLimits", effect: "Allow",
			actions:   []string{c.f.mark(ruleUnknownAction, "ses:GetSendQuotas matches no SES action; did you mean ses:GetSendQuota?") + "ses:GetSendQuotas", "ses:GetSendStatistics"},
			resources: []val{lit("*")}})
	case arnWithoutType:
		b := c.bare
		b.s = c.f.mark(ruleMalformedARN, "lacks its type (identity/ for an identity)") + b.s
		p.stmts[0].resources = []val{b}
	case misspelledKey:
		p.stmts[0].conds = []cond{{op: "StringLike", key: c.f.mark(ruleUnknownKey, "ses:FromAdress is not a condition key of SES or IAM") + "ses:FromAdress", vals: []val{c.from}}}
	case denyAllSES:
		p.stmts = append(p.stmts, stmt{sid: "NoMail", effect: c.f.mark(ruleDenyShadows, "this Deny without a Condition covers every send action") + "Deny",
			actions:   []string{c.f.mark(ruleDenySend, "unconditional Deny of ses:SendEmail") + "ses:*"},
			resources: []val{lit("*")}})
	case trailingComma:
		p.trailing = c.f.mark(ruleInvalidJSON, "trailing comma before ]")
	}
	return p
}

// authorizationPolicy lets a partner account send as the identity (a
// sending authorization policy). One in five carries a seeded mistake.
func (g *gen) authorizationPolicy(c *sesCtx) *pol {
	s := stmt{
		sid:       "AllowPartnerSending",
		effect:    "Allow",
		principal: &principal{typ: "AWS", ids: []val{lit("arn:aws:iam::" + c.partner + ":root")}},
		actions:   []string{"ses:SendEmail", "ses:SendRawEmail"},
		resources: []val{c.arn},
	}
	p := &pol{version: "2012-10-17", stmts: []stmt{s}, inline: true}
	if g.r.IntN(mistakes) != 0 {
		return p
	}
	switch g.r.IntN(3) {
	case 0:
		p.stmts[0].principal = &principal{star: true, mark: c.f.mark(rulePublic, `principal "*" with no condition`)}
	case 1:
		p.stmts[0].actions = []string{c.f.mark(ruleSendRawPair, "ses:SendEmail is allowed but ses:SendRawEmail is not") + "ses:SendEmail"}
	default:
		p.stmts[0].actions = []string{c.f.mark(ruleSendRawPair, "ses:SendEmail is allowed but ses:SendRawEmail is not") + "ses:SendEmail",
			c.f.mark(ruleUnknownAction, "ses:SendRawEmails matches no SES action; did you mean ses:SendRawEmail?") + "ses:SendRawEmails"}
	}
	return p
}

// partnerStatement is the k-th statement of a sending authorization
// policy: another delegated sender, limited to an address of the domain.
func (g *gen) partnerStatement(c *sesCtx, k int) stmt {
	return stmt{
		sid:       fmt.Sprintf("AllowPartnerSending%d", k),
		effect:    "Allow",
		principal: &principal{typ: "AWS", ids: []val{lit("arn:aws:iam::" + g.account() + ":root")}},
		actions:   []string{"ses:SendEmail", "ses:SendRawEmail"},
		resources: []val{c.arn},
		conds:     []cond{{op: "StringEquals", key: "ses:FromAddress", vals: []val{lit(g.word() + "@" + c.domain)}}},
	}
}

// sendingOrOther is, two times in three, a sending policy, else a policy
// for other services (of one to three statements).
func (g *gen) sendingOrOther(c *sesCtx) *pol {
	if g.chance(2, 3) {
		return g.senderPolicy(c)
	}
	return g.otherPolicy(c, 1+g.r.IntN(3))
}

// otherPolicy is an IAM policy for another service, of n statements: most
// policies of a repository have nothing to do with SES.
func (g *gen) otherPolicy(c *sesCtx, n int) *pol {
	p := &pol{version: "2012-10-17", inline: g.r.IntN(2) == 0}
	for i := 0; i < n; i++ {
		svc := otherServices[g.r.IntN(len(otherServices))]
		acts := make([]string, 0, 4)
		for k, a := range svc.actions {
			if k < 2 || g.r.IntN(2) == 0 {
				acts = append(acts, svc.prefix+":"+a)
			}
		}
		res := fmt.Sprintf("arn:aws:%s:%s:%s:%s", svc.prefix, c.region, c.account, fmt.Sprintf(svc.resource, g.word()+"-"+g.word()))
		if svc.prefix == "s3" {
			res = "arn:aws:s3:::" + g.word() + "-" + c.account + "/*"
		}
		p.stmts = append(p.stmts, stmt{sid: camel(svc.prefix) + fmt.Sprint(i+1), effect: "Allow", actions: acts, resources: []val{lit(res)}})
	}
	return p
}

// otherStatement is one statement of otherPolicy, named sid.
func (g *gen) otherStatement(c *sesCtx, sid string) stmt {
	st := g.otherPolicy(c, 1).stmts[0]
	st.sid = sid
	return st
}

var otherServices = []struct {
	prefix, resource string
	actions          []string
}{
	{"dynamodb", "table/%s", []string{"GetItem", "PutItem", "Query", "UpdateItem", "DeleteItem", "BatchWriteItem"}},
	{"sqs", "%s", []string{"SendMessage", "ReceiveMessage", "DeleteMessage", "GetQueueAttributes"}},
	{"s3", "", []string{"GetObject", "PutObject", "DeleteObject", "ListBucket"}},
	{"sns", "%s", []string{"Publish", "Subscribe", "ListSubscriptionsByTopic"}},
	{"logs", "log-group:/aws/lambda/%s:*", []string{"CreateLogStream", "PutLogEvents", "DescribeLogStreams"}},
	{"kms", "key/%s", []string{"Decrypt", "GenerateDataKey", "Encrypt"}},
	{"secretsmanager", "secret:%s-AbCdEf", []string{"GetSecretValue", "DescribeSecret"}},
	{"ssm", "parameter/%s/*", []string{"GetParameter", "GetParametersByPath"}},
}

func camel(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if r == '-' || r == '_' || r == '.' {
			up = true
			continue
		}
		if up && r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		up = false
		b.WriteRune(r)
	}
	return b.String()
}
