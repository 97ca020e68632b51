package report

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCountWords(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"count", flowThousands(1234567), "1,234,567"},
		{"small", flowThousands(12), "12"},
		{"thousand", flowThousands(1000), "1,000"},
		{"negative", flowThousands(-1234), "-1,234"},
		{"share", flowShare(151, 160), "94.4%"},
		{"all", flowShare(160, 160), "100.0%"},
		{"none", flowShare(0, 160), "0.0%"},
		{"nearly all", flowShare(10000, 10005), "> 99.9%"},
		{"nearly none", flowShare(5, 10005), "< 0.1%"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.got, tc.name)
	}
}
