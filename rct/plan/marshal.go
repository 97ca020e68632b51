package plan

import (
	"github.com/goccy/go-yaml"
)

// planComment heads a plan's file.
var planComment = []string{
	" The statistical analysis plan of a randomised trial, written by evalkit plan init.",
	" Edit the settings before locking the plan (evalkit plan lock), before the outcomes",
	" are seen; evalkit analyse --plan then runs it and refuses a plan changed since its",
	" lock. The design and power entries are copied from their files, with their SHA-256.",
}

// Marshal returns the plan as YAML, headed by a comment that says what the
// file is, with a comment beside each analysis setting (Keys) that says
// what it holds. Parse reads it back.
func (p *Plan) Marshal() ([]byte, error) {
	cm := yaml.CommentMap{
		"$.evalkit_version": {yaml.HeadComment(planComment...)},
		"$.design":          {yaml.LineComment(" the randomisation, from its manifest")},
		"$.primary":         {yaml.LineComment(" the primary outcome and its type")},
	}
	if p.Power != nil {
		cm["$.power"] = []*yaml.Comment{yaml.LineComment(" the power calculation the trial was sized by")}
	}
	if len(p.Secondary) > 0 {
		cm["$.secondary"] = []*yaml.Comment{yaml.LineComment(" the secondary outcomes, each with its type (empty: detected)")}
	}
	for _, k := range Keys {
		if p.has(k.Name) {
			cm["$."+k.Name] = []*yaml.Comment{yaml.LineComment(" " + k.Doc)}
		}
	}
	return yaml.MarshalWithOptions(p, yaml.IndentSequence(true), yaml.AutoInt(), yaml.WithComment(cm))
}

// has reports whether the plan's YAML holds the top-level setting key.
func (p *Plan) has(key string) bool {
	switch key {
	case "covariates":
		return len(p.Covariates) > 0
	case "model":
		return p.Model != ""
	case "level":
		return true
	case "adjust":
		return p.Adjust != ""
	case "se":
		return p.SE != ""
	case "permutations":
		return p.Permutations != ""
	case "seed":
		return p.Seed != nil
	case "subgroup":
		return p.Subgroup != ""
	case "received":
		return p.Received != ""
	case "exposure":
		return p.Exposure != ""
	}
	return false // outcome, secondary and type are inside primary and secondary
}
