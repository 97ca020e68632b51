package lifecycle

import (
	"strconv"
	"strings"
)

// yamlQuote writes s as a YAML scalar that reads back as the same string
// in block and in flow context: plain when that is unambiguous, otherwise
// double-quoted (Go's quoting escapes are a subset of YAML's).
func yamlQuote(s string) string {
	if yamlPlainSafe(s) {
		return s
	}
	return strconv.Quote(s)
}

// yamlPlainSafe reports whether s can be written unquoted: it starts with
// a letter, holds only letters, digits, spaces and a few punctuation marks
// that mean nothing in YAML, does not end in a space, and is not a word
// YAML reads as a boolean or null.
func yamlPlainSafe(s string) bool {
	if s == "" || strings.HasSuffix(s, " ") {
		return false
	}
	for i, r := range s {
		letter := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if i == 0 && !letter {
			return false
		}
		if letter || r >= '0' && r <= '9' {
			continue
		}
		switch r {
		case ' ', '_', '.', '(', ')', '/', '-', ';', '\'':
			continue
		}
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf":
		return false
	}
	return true
}
