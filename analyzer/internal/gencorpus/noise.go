package main

import (
	"fmt"
	"strings"
)

// policyFiles writes plain policy JSON: sending policies, a sending
// authorization policy for a partner, and (most) policies for other
// services.
func (g *gen) policyFiles(s *svc) error {
	n := 1 + g.r.IntN(4)
	for k := 0; k < n; k++ {
		var f *file
		switch r := g.r.IntN(20); {
		case r < 7:
			// The sending role's policy, with what else the service
			// needs (queues, tables, logs).
			f = newFile(fmt.Sprintf("%s/iam/%s-send-%d.json", s.dir, g.word(), k), "policy-json")
			c := literalCtx(f, s, true)
			p := g.senderPolicy(c)
			grow(p, minSize, func(k int) stmt { return g.otherStatement(c, fmt.Sprintf("Service%d", k)) })
			f.w(renderJSON(p, "") + "\n")
		case r < 11:
			// One statement per delegated sender.
			f = newFile(fmt.Sprintf("%s/ses/%s-sending-authorization-%d.json", s.dir, s.domain, k), "policy-json")
			c := literalCtx(f, s, true)
			p := g.authorizationPolicy(c)
			grow(p, minSize, func(k int) stmt { return g.partnerStatement(c, k) })
			f.w(renderJSON(p, "") + "\n")
		default:
			f = newFile(fmt.Sprintf("%s/iam/%s-%s-%d.json", s.dir, g.word(), g.word(), k), "policy-json")
			// A managed policy holds at most 6,144 characters.
			target := min(g.target(), 6144)
			c := literalCtx(f, s, true)
			p := g.otherPolicy(c, 2)
			grow(p, target, func(k int) stmt { return g.otherStatement(c, fmt.Sprintf("Statement%d", k)) })
			f.w(renderJSON(p, "") + "\n")
		}
		if err := g.emit(f); err != nil {
			return err
		}
	}
	return nil
}

// grow adds to the policy the statements next gives (k numbers the new
// statement from 1) until its JSON text, marks left out, is size bytes or
// more.
func grow(p *pol, size int, next func(k int) stmt) {
	for len(stripMarks(renderJSON(p, ""))) < size {
		p.stmts = append(p.stmts, next(len(p.stmts)+1))
	}
}

// kubernetes writes a service's manifests: a deployment, a service, a
// config map, an ingress, an autoscaler.
func (g *gen) kubernetes(s *svc) error {
	kinds := []string{"deployment", "service", "configmap", "ingress", "hpa"}
	n := 2 + g.r.IntN(3)
	for k := 0; k < n; k++ {
		f := newFile(fmt.Sprintf("%s/k8s/%s.yaml", s.dir, kinds[k]), "noise-yaml")
		target := g.target()
		switch kinds[k] {
		case "deployment":
			f.wf(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: %s
  labels:
    app.kubernetes.io/name: %s
    app.kubernetes.io/part-of: %s
spec:
  replicas: %d
  selector:
    matchLabels:
      app.kubernetes.io/name: %s
  template:
    metadata:
      labels:
        app.kubernetes.io/name: %s
      annotations:
        prometheus.io/scrape: "true"
        prometheus.io/port: "9090"
    spec:
      serviceAccountName: %s
      containers:
        - name: app
          image: 123456789012.dkr.ecr.%s.amazonaws.com/%s:%d.%d.%d
          ports:
            - containerPort: 8080
              name: http
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: "1", memory: 512Mi}
          readinessProbe:
            httpGet: {path: /healthz, port: http}
            periodSeconds: 10
          env:
`, s.name, s.name, g.word(), 2+g.r.IntN(6), s.name, s.name, s.name, s.region, s.name, g.r.IntN(5), g.r.IntN(30), g.r.IntN(100))
			for i := 0; f.size() < target; i++ {
				f.wf("            - name: %s_%d\n              value: %q\n", strings.ToUpper(g.word()), i, fmt.Sprintf("%s-%d", g.word(), g.r.IntN(10000)))
			}
		case "configmap":
			f.wf("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: %s-config\ndata:\n", s.name)
			for i := 0; f.size() < target; i++ {
				f.wf("  %s.%s.%d: %q\n", g.word(), g.word(), i, fmt.Sprintf("https://%s.internal.example.com/%s?timeout=%dms", g.word(), g.word(), g.r.IntN(5000)))
			}
			f.wf("  application.yaml: |\n    server:\n      port: 8080\n    mail:\n      from: no-reply@%s\n", s.domain)
		default:
			// Several small objects, as one file with --- separators.
			for i := 0; i == 0 || f.size() < target; i++ {
				if i > 0 {
					f.w("---\n")
				}
				switch kinds[k] {
				case "service":
					f.wf("apiVersion: v1\nkind: Service\nmetadata:\n  name: %s-%d\nspec:\n  selector:\n    app.kubernetes.io/name: %s\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n", s.name, i, s.name)
				case "ingress":
					f.wf("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: %s-%d\n  annotations:\n    alb.ingress.kubernetes.io/scheme: internet-facing\nspec:\n  ingressClassName: alb\n  rules:\n    - host: %s-%d.%s\n      http:\n        paths:\n          - path: /%s\n            pathType: Prefix\n            backend:\n              service:\n                name: %s-%d\n                port: {number: 80}\n", s.name, i, g.word(), i, s.domain, g.word(), s.name, i)
				default:
					f.wf("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: %s-%d\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: %s}\n  minReplicas: 2\n  maxReplicas: %d\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target: {type: Utilization, averageUtilization: %d}\n", s.name, i, s.name, 4+g.r.IntN(20), 50+g.r.IntN(30))
				}
			}
		}
		if err := g.emit(f); err != nil {
			return err
		}
	}
	return nil
}

// node writes a web front end's package.json, tsconfig.json, lint
// configuration and translations.
func (g *gen) node(s *svc) error {
	web := s.dir + "/web/"
	deps := obj{}
	for i, n := 0, 8+g.r.IntN(20); i < n || len(jsonText(deps, "", "  ")) < minSize-300; i++ {
		deps = append(deps, kv{fmt.Sprintf("%s-%s", g.word(), g.pick([]string{"utils", "client", "ui", "hooks", "core"})), fmt.Sprintf("^%d.%d.%d", g.r.IntN(10), g.r.IntN(30), g.r.IntN(20))})
	}
	pkg := newFile(web+"package.json", "noise-json")
	pkg.w(jsonText(obj{
		{"name", "@example/" + s.name + "-web"},
		{"version", fmt.Sprintf("%d.%d.%d", g.r.IntN(4), g.r.IntN(20), g.r.IntN(10))},
		{"private", true},
		{"type", "module"},
		{"scripts", obj{{"dev", "vite"}, {"build", "tsc -b && vite build"}, {"lint", "eslint ."}, {"test", "vitest run"}}},
		{"dependencies", deps},
		{"devDependencies", obj{{"typescript", "^5.4.5"}, {"vite", "^5.2.0"}, {"vitest", "^1.6.0"}, {"eslint", "^8.57.0"}}},
	}, "", "  ") + "\n")
	ts := newFile(web+"tsconfig.json", "noise-json")
	ts.w(jsonText(obj{
		{"compilerOptions", obj{
			{"target", "ES2022"}, {"useDefineForClassFields", true}, {"lib", []any{"ES2022", "DOM", "DOM.Iterable"}},
			{"module", "ESNext"}, {"moduleResolution", "bundler"}, {"allowImportingTsExtensions", true},
			{"resolveJsonModule", true}, {"isolatedModules", true}, {"noEmit", true}, {"jsx", "react-jsx"},
			{"strict", true}, {"noUnusedLocals", true}, {"noUnusedParameters", true}, {"noFallthroughCasesInSwitch", true},
			{"skipLibCheck", true}, {"baseUrl", "."}, {"paths", obj{{"@/*", []any{"./src/*"}}, {"@" + s.name + "/api", []any{"./src/api/index.ts"}}}},
			{"types", []any{"vite/client", "vitest/globals"}}, {"forceConsistentCasingInFileNames", true},
			{"esModuleInterop", true}, {"allowSyntheticDefaultImports", true}, {"incremental", true},
			{"tsBuildInfoFile", "./node_modules/.tmp/tsconfig.tsbuildinfo"},
		}},
		{"include", []any{"src", "vite.config.ts"}},
		{"exclude", []any{"dist", "node_modules", "coverage"}},
		{"references", []any{obj{{"path", "./tsconfig.node.json"}}}},
	}, "", "  ") + "\n")
	files := []*file{pkg, ts}
	for _, lang := range []string{"en", "de"}[:1+g.r.IntN(2)] {
		f := newFile(web+"src/locales/"+lang+".json", "noise-json")
		target := g.target()
		msgs := obj{}
		for i := 0; len(jsonText(msgs, "", "  ")) < target; i++ {
			msgs = append(msgs, kv{fmt.Sprintf("%s.%s.%d", g.word(), g.word(), i), fmt.Sprintf("%s %s — %s (%d)", camel(g.word()), g.word(), g.word(), i)})
		}
		f.w(jsonText(msgs, "", "  ") + "\n")
		files = append(files, f)
	}
	for _, f := range files {
		if err := g.emit(f); err != nil {
			return err
		}
	}
	return nil
}

// docs writes what tools skip: a README, a Dockerfile, and sometimes a
// docker-compose file and an OpenAPI description.
func (g *gen) docs(s *svc) error {
	readme := newFile(s.dir+"/README.md", "other")
	readme.wf("# %s\n\nOwned by team %s. Sends mail from `%s`.\n\n## Deploy\n\n```sh\nmake deploy STAGE=dev\n```\n", s.name, g.word(), s.domain)
	for i := 0; readme.size() < 1024+g.r.IntN(3000); i++ {
		readme.wf("\n### %s\n\nThe %s handler reads from the %s queue and writes %s records.\n", camel(g.word()), g.word(), g.word(), g.word())
	}
	if err := g.emit(readme); err != nil {
		return err
	}
	if g.chance(1, 3) {
		f := newFile(s.dir+"/docker-compose.yml", "noise-yaml")
		f.wf("services:\n  app:\n    build: .\n    ports: [\"8080:8080\"]\n    environment:\n      AWS_REGION: %s\n      MAIL_FROM: no-reply@%s\n  localstack:\n    image: localstack/localstack:3\n    environment:\n      SERVICES: ses,sqs,dynamodb\n", s.region, s.domain)
		for i := 0; f.size() < 1024+g.r.IntN(2048); i++ {
			f.wf("  %s-%d:\n    image: public.ecr.aws/docker/library/redis:7\n    command: [\"redis-server\", \"--save\", \"\"]\n", g.word(), i)
		}
		if err := g.emit(f); err != nil {
			return err
		}
	}
	if g.chance(1, 3) {
		f := newFile(s.dir+"/api/openapi.yaml", "noise-yaml")
		f.wf("openapi: 3.0.3\ninfo:\n  title: %s API\n  version: 1.%d.0\npaths:\n", s.name, g.r.IntN(20))
		target := g.target()
		for i := 0; f.size() < target; i++ {
			w := g.word()
			f.wf(`  /%s/{id}/%d:
    get:
      operationId: get%s%d
      parameters:
        - name: id
          in: path
          required: true
          schema: {type: string, format: uuid}
      responses:
        "200":
          description: The %s.
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: {type: string}
                  status: {type: string, enum: [pending, sent, failed]}
                  updatedAt: {type: string, format: date-time}
        "404":
          description: No such %s.
`, w, i, camel(w), i, w, w)
		}
		if err := g.emit(f); err != nil {
			return err
		}
	}
	return nil
}

// workflow writes a GitHub Actions workflow.
func (g *gen) workflow(s *svc) error {
	f := newFile(".github/workflows/"+s.name+".yml", "noise-yaml")
	f.wf(`name: %s
on:
  push:
    branches: [main]
    paths: ["services/%s/**"]
  pull_request:
    paths: ["services/%s/**"]
permissions:
  contents: read
  id-token: write
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: {node-version: 20}
      - run: npm ci && npm test
        working-directory: services/%s/web
  deploy:
    needs: test
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::%s:role/deploy
          aws-region: %s
      - run: sam deploy --no-confirm-changeset --stack-name %s
        working-directory: services/%s
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: seslint --format sarif --output seslint.sarif services/%s
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: seslint.sarif
`, s.name, s.name, s.name, s.name, s.account, s.region, s.name, s.name, s.name)
	return g.emit(f)
}
