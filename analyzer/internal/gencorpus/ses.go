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

// mistake names of the seeded mistakes, for the manifest.
const (
	mOK      = ""
	m201     = "SES201"
	m302     = "SES302"
	m107     = "SES107"
	m301     = "SES301"
	m207     = "SES207"
	m202     = "SES202"
	m101     = "SES101"
	m402     = "SES402"
	mistakes = 5 // one SES policy in mistakes carries one
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
	kinds := []string{m201, m302, m107, m301, m207, m202}
	if c.textual {
		kinds = append(kinds, m101)
	}
	switch kinds[g.r.IntN(len(kinds))] {
	case m201:
		p.stmts[0].actions = []string{c.f.mark("SES201", "ses:SendEmail is allowed but ses:SendRawEmail is not") + "ses:SendEmail"}
	case m302:
		p.stmts = append(p.stmts[:1], stmt{sid: "ReadQuota", effect: "Allow",
			actions:   []string{c.f.mark("SES302", "ses:GetSendQuota has no resource-level permissions") + "ses:GetSendQuota"},
			resources: []val{c.arn}})
	case m107:
		p.stmts = append(p.stmts[:1], stmt{sid: "ReadSendingLimits", effect: "Allow",
			actions:   []string{c.f.mark("SES107", "ses:GetSendQuotas matches no SES action; did you mean ses:GetSendQuota?") + "ses:GetSendQuotas", "ses:GetSendStatistics"},
			resources: []val{lit("*")}})
	case m301:
		b := c.bare
		b.s = c.f.mark("SES301", "lacks its type (identity/ for an identity)") + b.s
		p.stmts[0].resources = []val{b}
	case m207:
		p.stmts[0].conds = []cond{{op: "StringLike", key: c.f.mark("SES207", "ses:FromAdress is not a condition key of SES or IAM") + "ses:FromAdress", vals: []val{c.from}}}
	case m202:
		p.stmts = append(p.stmts, stmt{sid: "NoMail", effect: c.f.mark("SES208", "this Deny without a Condition covers every send action") + "Deny",
			actions:   []string{c.f.mark("SES202", "unconditional Deny of ses:SendEmail") + "ses:*"},
			resources: []val{lit("*")}})
	case m101:
		p.trailing = c.f.mark("SES101", "trailing comma before ]")
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
		p.stmts[0].principal = &principal{star: true, mark: c.f.mark("SES402", `principal "*" with no condition`)}
	case 1:
		p.stmts[0].actions = []string{c.f.mark("SES201", "ses:SendEmail is allowed but ses:SendRawEmail is not") + "ses:SendEmail"}
	default:
		p.stmts[0].actions = []string{c.f.mark("SES201", "ses:SendEmail is allowed but ses:SendRawEmail is not") + "ses:SendEmail",
			c.f.mark("SES107", "ses:SendRawEmails matches no SES action; did you mean ses:SendRawEmail?") + "ses:SendRawEmails"}
	}
	return p
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
