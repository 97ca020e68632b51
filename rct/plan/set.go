package plan

import (
	"strconv"
	"strings"
)

// Set sets the setting called key (one of Keys) from its text, as plan
// init's flags give it: a list as COL,..., a number in decimal. An
// error wraps ErrSetting; Check decides whether the value can be
// followed.
func (p *Plan) Set(key, value string) error {
	switch key {
	case "outcome":
		p.Primary.Outcome = value
	case "secondary":
		p.Secondary = nil
		for _, c := range splitList(value) {
			p.Secondary = append(p.Secondary, Outcome{Outcome: c})
		}
	case "type":
		p.Primary.Type = value
	case "covariates":
		p.Covariates = splitList(value)
	case "model":
		p.Model = value
	case "level":
		l, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return settingErrorf("level %q: want a number between 0 and 1, such as 0.95", value)
		}
		p.Level = l
	case "adjust":
		p.Adjust = value
	case "se":
		p.SE = value
	case "permutations":
		p.Permutations = Permutations(value)
	case "seed":
		s, err := strconv.ParseUint(value, 10, 64)
		if err != nil {
			return settingErrorf("seed %q: want a whole number from 0", value)
		}
		p.Seed = &s
	case "subgroup":
		p.Subgroup = value
	case "received":
		p.Received = value
	case "exposure":
		p.Exposure = value
	default:
		return settingErrorf("no setting %q", key)
	}
	return nil
}

// splitList splits COL,... at its commas, each name trimmed; nil for
// blank text. An empty name stays, for Check to refuse.
func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	for _, n := range strings.Split(s, ",") {
		out = append(out, strings.TrimSpace(n))
	}
	return out
}
