package policy

// DocKind is what a policy document is for; rules use it to decide which
// requirements apply (SPEC §2).
type DocKind string

// Document kinds.
const (
	Identity             DocKind = "identity"
	Boundary             DocKind = "boundary"
	SCP                  DocKind = "scp"
	SendingAuthorization DocKind = "sending-authorization"
	Resource             DocKind = "resource"
)

// Document is the normalized policy record every extractor produces and the
// engine evaluates.
type Document struct {
	File *File
	Kind DocKind
	// Owner names the resource or principal the policy belongs to, as the
	// source names it ("SenderRole", "aws_iam_policy.sender"); empty for a
	// plain policy file.
	Owner string
	// Name is the policy name, when the source gives one.
	Name string
	// Identity is the SES identity a sending authorization policy is
	// attached to (an ARN, a domain or an address), when known.
	Identity string
	// Start is where the document starts in the file: whole-document
	// findings go there when the text could not be decoded.
	Start Span
	// Size is the length of the policy text in bytes.
	Size int
	// Decoded is the decoded policy text.
	Decoded *Decoded
}
