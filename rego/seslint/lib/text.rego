# METADATA
# description: |
#   Text helpers for "did you mean" suggestions. OPA has no edit-distance
#   builtin and rules may not recurse, so near() tests the typos people make:
#   one character added, dropped or changed, or two neighbours swapped.
package seslint.lib.text

# near is true when a and b differ by one edit or one swap of neighbours.
near(a, b) if dropped_one(a, b)

near(a, b) if dropped_one(b, a)

near(a, b) if {
	count(a) == count(b)
	a != b
	d := diffs(a, b)
	count(d) == 1
}

near(a, b) if {
	count(a) == count(b)
	d := diffs(a, b)
	count(d) == 2
	d[1] == d[0] + 1
	substring(a, d[0], 1) == substring(b, d[1], 1)
	substring(a, d[1], 1) == substring(b, d[0], 1)
}

# dropped_one is true when removing one character from a gives b: the
# character where they first differ (b's end counts as a difference).
dropped_one(a, b) if {
	count(a) == count(b) + 1
	i := min([j |
		some j in numbers.range(0, count(b))
		substring(a, j, 1) != substring(b, j, 1)
	])
	substring(a, i + 1, -1) == substring(b, i, -1)
}

diffs(a, b) := [i |
	some i in numbers.range(0, count(a) - 1)
	substring(a, i, 1) != substring(b, i, 1)
]

# closest returns the candidate near the word (compared in lower case),
# the first in sort order when several are.
closest(word, candidates) := sort([c |
	w := lower(word)
	n := count(w)
	some c in candidates
	count(c) - n <= 1
	n - count(c) <= 1
	l := lower(c)
	ends_agree(w, l)
	near(w, l)
])[0]

# ends_agree is a cheap test that rules out most candidates before near:
# one edit or swap leaves the first or the last character in place, unless
# a word is shorter than three characters.
ends_agree(a, b) if {
	count(a) < 3
} else if {
	count(b) < 3
} else if {
	substring(a, 0, 1) == substring(b, 0, 1)
} else := substring(a, count(a) - 1, 1) == substring(b, count(b) - 1, 1)
