package main

import "strings"

// goModule is the module path of the repository's one go.mod, at its root.
const goModule = "example.com/monorepo"

// goPackages writes a service's Go code: a package holding the policies
// its deploy tool attaches (constant strings), the package's code, and a
// command using it. Only the standard library is imported, so the module
// type-checks offline.
func (g *gen) goPackages(s *svc) error {
	if !g.goMod {
		g.goMod = true
		m := newFile("go.mod", "other")
		m.w("module " + goModule + "\n\ngo 1.22\n")
		if err := g.emit(m); err != nil {
			return err
		}
	}
	pkgDir := s.dir + "/internal/notify/"
	pf := newFile(pkgDir+"policy.go", "go")
	pf.wf("// Package notify sends the mail of %s.\npackage notify\n\nimport \"sort\"\n\n", s.name)
	pf.w("// SenderPolicy is attached to the service's sending role by the deploy\n// tool.\nconst SenderPolicy = `" + renderJSON(g.senderPolicy(literalCtx(pf, s, true)), "") + "`\n")
	names := []string{"SenderPolicy"}
	if g.chance(1, 2) {
		pf.w("\n// PartnerPolicy lets the partner account send as the service's domain.\nconst PartnerPolicy = `" + renderJSON(g.authorizationPolicy(literalCtx(pf, s, true)), "") + "`\n")
		names = append(names, "PartnerPolicy")
	}
	pf.w(`
// Policies maps each policy's name, as the deploy tool attaches it, to its
// JSON text.
func Policies() map[string]string {
	return map[string]string{
`)
	for _, n := range names {
		pf.wf("\t\t%q: %s,\n", strings.ToLower(n[:1])+n[1:len(n)-len("Policy")]+"-mail", n)
	}
	pf.w(`	}
}

// PolicyNames lists the policies' names in a stable order, for the deploy
// tool's plan output.
func PolicyNames() []string {
	names := make([]string, 0, len(Policies()))
	for name := range Policies() {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}
`)
	for i := 0; pf.size() < minSize+64; i++ {
		w := g.word()
		pf.wf("\n// %sSubject%d is the subject line of the %s mail.\nconst %sSubject%d = %q\n", camel(w), i, w, camel(w), i, camel(w)+" update")
	}
	code := newFile(pkgDir+"notify.go", "go")
	code.w(`package notify

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Message is one mail to send.
type Message struct {
	From    string   ` + "`json:\"from\"`" + `
	To      []string ` + "`json:\"to\"`" + `
	Subject string   ` + "`json:\"subject\"`" + `
	Body    string   ` + "`json:\"body\"`" + `
}

// ErrNoRecipient is returned for a message without recipients.
var ErrNoRecipient = errors.New("notify: no recipient")

// Validate checks a message before it is queued.
func (m Message) Validate() error {
	if len(m.To) == 0 {
		return ErrNoRecipient
	}
	if !strings.Contains(m.From, "@") {
		return fmt.Errorf("notify: sender %q is not an address", m.From)
	}
	return nil
}

// Encode returns the queued form of a message.
func (m Message) Encode() ([]byte, error) { return json.Marshal(m) }

`)
	target := 1024 + g.r.IntN(8*1024)
	for i := 0; code.size() < target; i++ {
		w := camel(g.word())
		code.wf(`// format%s%d renders the %s line of a message.
func format%s%d(m Message, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%%s/%%d: %%s", %q, n, m.Subject)
	for i, to := range m.To {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strings.ToLower(to))
	}
	return b.String()
}

`, w, i, strings.ToLower(w), w, i, strings.ToLower(w))
	}
	tool := strings.SplitN(s.name, "-", 2)[0] + "-tool"
	main := newFile(s.dir+"/cmd/"+tool+"/main.go", "go")
	main.wf(`// Command %s queues a test mail of %s.
package main

import (
	"flag"
	"fmt"
	"os"

	"%s/%s/internal/notify"
)

func main() {
	subject := flag.String("subject", "test", "subject of the test mail")
	dryRun := flag.Bool("n", false, "print the policies the deploy tool attaches and exit")
	flag.Usage = func() {
		fmt.Fprintf(os.Stderr, "usage: %%s [-subject S] [-n] ADDRESS...\n", os.Args[0])
		flag.PrintDefaults()
	}
	flag.Parse()
	if *dryRun {
		for _, name := range notify.PolicyNames() {
			fmt.Printf("%%s\n%%s\n", name, notify.Policies()[name])
		}
		return
	}
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	// The sender is the service's own address: the sending policy allows
	// no other.
	m := notify.Message{From: "no-reply@%s", To: flag.Args(), Subject: *subject}
	if err := m.Validate(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	b, err := m.Encode()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%%s\n%%d bytes of policy\n", b, len(notify.SenderPolicy))
}
`, tool, s.name, goModule, s.dir, s.domain)
	for _, f := range []*file{pf, code, main} {
		if err := g.emit(f); err != nil {
			return err
		}
	}
	return nil
}
