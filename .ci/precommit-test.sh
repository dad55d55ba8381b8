#!/usr/bin/env bash
# End-to-end test of .pre-commit-hooks.yaml: pre-commit builds the hook from
# this repository (language: golang) and runs it in a throwaway git
# repository, first on a CloudFormation template with a misspelled SES
# action (the commit must be refused, with the finding in the output), then
# on the fixed template (the hook must pass). It does so twice: with
# `pre-commit try-repo`, and through `pre-commit install` and a real
# `git commit` with the .pre-commit-config.yaml the README shows. Then, on a
# Terraform module, it checks that only the staged file's findings are
# shown while the rules relating documents still read the module's other,
# committed file; and throughout, that an untracked bad file is left alone.
#
# pre-commit only builds hooks from committed git revisions (try-repo adds
# modified tracked files, but not new ones), so the test commits a snapshot
# of the working tree (tracked and untracked files, .gitignore honoured) to
# a temporary repository and points pre-commit at that. This repository's
# own index and history are never touched.
#
# Usage: bash .ci/precommit-test.sh   (exit status 0 when every check passed)
# Needs pre-commit (Debian package pre-commit; .ci/run installs it), git and
# Go. Run by TestPreCommitHook (go test .).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
start=$SECONDS

export PATH="/usr/local/go/bin:$PATH"
export GOTOOLCHAIN=local
command -v go >/dev/null || { echo "precommit-test: Go is required" >&2; exit 2; }
# pre-commit points GOPATH at its own environment directory for the build;
# keep the module cache that .ci/run's `go mod download` filled.
GOMODCACHE=$(go env GOMODCACHE)
export GOMODCACHE
# Runs from inside a git hook must not leak into the throwaway repositories.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY

if ! command -v pre-commit >/dev/null; then
  echo "precommit-test: pre-commit is not installed (apt-get install pre-commit)" >&2
  exit 2
fi
pre-commit --version

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/pre-commit-home"
git_() {
  git -c user.name=precommit-test -c user.email=precommit-test@example.invalid \
    -c commit.gpgsign=false -c init.defaultBranch=main "$@"
}
fail() { echo "precommit-test: FAIL: $*" >&2; exit 1; }

# 1. The hook repository: a one-commit snapshot of the working tree.
hookrepo="$tmp/hookrepo"
mkdir -p "$hookrepo"
(cd "$root" && git ls-files -z --cached --others --exclude-standard) |
  (cd "$root" && while IFS= read -r -d '' f; do
     [ -e "$f" ] && printf '%s\0' "$f"   # skip files deleted in the work tree
   done) |
  (cd "$root" && tar --null -T - -cf -) | tar -xf - -C "$hookrepo"
[ -f "$hookrepo/.pre-commit-hooks.yaml" ] || fail ".pre-commit-hooks.yaml is missing"
git_ -C "$hookrepo" init -q
git_ -C "$hookrepo" add -A
git_ -C "$hookrepo" commit -q --no-verify -m "snapshot of $root"
rev=$(git -C "$hookrepo" rev-parse HEAD)

# 2. The user's repository, with a template whose role grants ses:SendEmails.
work="$tmp/work"
mkdir -p "$work"
git_ -C "$work" init -q
cd "$work"
bad_template() {
  cat >template.yaml <<'EOF'
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  MailerRole:
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
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [ses:SendEmails, ses:SendRawEmail]
                Resource: !Sub arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/example.com
EOF
}
fix_template() { sed -i 's/ses:SendEmails/ses:SendEmail/' template.yaml; }

expect_failure() { # NAME RC OUTPUT-FILE
  [ "$2" != 0 ] || { cat "$3"; fail "$1: the hook passed on the bad template"; }
  grep -q 'SES107' "$3" || { cat "$3"; fail "$1: no SES107 in the output"; }
  grep -q 'ses:SendEmails matches no SES action' "$3" ||
    { cat "$3"; fail "$1: the finding's message is missing"; }
  grep -q 'template.yaml:18:' "$3" || { cat "$3"; fail "$1: the finding is not at template.yaml:18"; }
  if grep -q 'scratch/draft.json' "$3"; then cat "$3"; fail "$1: the untracked file was scanned"; fi
  echo "ok: $1 refused the bad template: $(grep -m1 SES107 "$3")"
}
expect_success() { # NAME RC OUTPUT-FILE
  [ "$2" = 0 ] || { cat "$3"; fail "$1: the hook failed on the fixed template"; }
  echo "ok: $1 passed the fixed template"
}

# A policy file that is not staged: the hook never reads it.
mkdir -p scratch
printf '%s\n' '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ses:GetSendQuotas", "Resource": "*"}]}' >scratch/draft.json

# 3. pre-commit try-repo on the staged file.
bad_template
git_ add template.yaml
rc=0; pre-commit try-repo "$hookrepo" seslint --ref "$rev" --color never >"$tmp/out" 2>&1 || rc=$?
expect_failure "try-repo" "$rc" "$tmp/out"
fix_template
git_ add template.yaml
rc=0; pre-commit try-repo "$hookrepo" seslint --ref "$rev" --color never >"$tmp/out" 2>&1 || rc=$?
expect_success "try-repo" "$rc" "$tmp/out"
echo "  ($((SECONDS - start))s so far)"

# 4. The README's .pre-commit-config.yaml (repo and rev pointing at the
#    snapshot), installed as the git hook, on real commits.
awk '/^## pre-commit/ {s = 1} s && /^```yaml/ {f = 1; next} f && /^```/ {exit} f' "$root/README.md" |
  sed -e "s|repo: https://github.com/seslint/seslint\$|repo: $hookrepo|" -e "s|rev: .*|rev: $rev|" >.pre-commit-config.yaml
if ! grep -q "repo: $hookrepo" .pre-commit-config.yaml || ! grep -q "rev: $rev" .pre-commit-config.yaml ||
  ! grep -q 'id: seslint' .pre-commit-config.yaml; then
  cat .pre-commit-config.yaml
  fail "README.md: no .pre-commit-config.yaml with repo, rev and id: seslint under '## pre-commit'"
fi
git_ add .pre-commit-config.yaml
pre-commit install >/dev/null
bad_template
git_ add template.yaml
rc=0; git_ commit -m "bad policy" >"$tmp/out" 2>&1 || rc=$?
expect_failure "git commit" "$rc" "$tmp/out"
git -C "$work" rev-parse -q --verify HEAD >/dev/null && fail "git commit: the bad commit was made"
fix_template
git_ add template.yaml
rc=0; git_ commit -m "fixed policy" >"$tmp/out" 2>&1 || rc=$?
expect_success "git commit" "$rc" "$tmp/out"
grep -q 'seslint.*Passed' "$tmp/out" || { cat "$tmp/out"; fail "git commit: the hook did not run"; }

# 5. A Terraform module: boundary.tf, committed earlier (and holding a
#    mistake of its own), is the permissions boundary of the role that
#    role.tf, staged, defines. SES502 relates the two: it must be found in
#    role.tf, so boundary.tf was read; boundary.tf's own SES107 must not be
#    shown, as that file is not part of the commit.
mkdir -p infra
cat >infra/boundary.tf <<'EOF'
resource "aws_iam_policy" "boundary" {
  name = "workload-boundary"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:*", "logs:*"], Resource = "*" }]
  })
}

resource "aws_iam_policy" "legacy" {
  name = "legacy"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["ses:SendEmails"], Resource = "*" }]
  })
}
EOF
git_ add infra/boundary.tf
git_ commit -q --no-verify -m "boundary, committed without the hook"
cat >infra/role.tf <<'EOF'
resource "aws_iam_role" "mailer" {
  name                 = "mailer"
  permissions_boundary = aws_iam_policy.boundary.arn
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  inline_policy {
    name = "send"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["ses:SendEmail", "ses:SendRawEmail"], Resource = "arn:aws:ses:eu-west-1:123456789012:identity/example.com" }]
    })
  }
}
EOF
git_ add infra/role.tf
rc=0; git_ commit -m "mailer role" >"$tmp/out" 2>&1 || rc=$?
[ "$rc" != 0 ] || { cat "$tmp/out"; fail "terraform: the hook passed a role its boundary blocks"; }
grep -q 'infra/role.tf:3:26: error SES502: the permissions boundary aws_iam_policy.boundary does not allow' "$tmp/out" ||
  { cat "$tmp/out"; fail "terraform: no SES502 at infra/role.tf:3:26 (was boundary.tf read?)"; }
if grep -q 'boundary.tf' "$tmp/out"; then cat "$tmp/out"; fail "terraform: a finding of the unstaged boundary.tf was shown"; fi
echo "ok: terraform refused the staged role with the committed boundary: $(grep -m1 SES502 "$tmp/out" | cut -c1-80)..."
sed -i '/permissions_boundary/d' infra/role.tf
git_ add infra/role.tf
rc=0; git_ commit -m "mailer role without the boundary" >"$tmp/out" 2>&1 || rc=$?
expect_success "terraform" "$rc" "$tmp/out"

echo "precommit-test: all checks passed in $((SECONDS - start))s"
