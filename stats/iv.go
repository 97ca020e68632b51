package stats

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// IVDesign is the design of a linear model with endogenous regressors,
//
//	y = X β + W γ + ε,   E[ε | Z, W] = 0,
//
// where X are the endogenous columns, Z the excluded instruments and W the
// exogenous columns (covariates), which instrument themselves: as the
// formula y ~ X + W | Z + W of estimatr::iv_robust. Each column is a slice
// of the observations' values, named by the matching element of the names.
type IVDesign struct {
	Endogenous      [][]float64
	EndogenousNames []string
	Instruments     [][]float64
	InstrumentNames []string
	Exogenous       [][]float64
	ExogenousNames  []string
}

// TwoStageLS fits an instrumental-variables regression by two-stage least
// squares and estimates the covariance of its coefficients as
// estimatr::iv_robust(y ~ X + W | Z + W, se_type = opt.Cov) does [1, 2].
// The first stage regresses each endogenous column on the instruments and
// the exogenous columns (and the blocks); the second stage regresses y on
// the first stage's fitted values X̂ and W:
//
//	β̂ = (X̃'X̃)⁻¹ X̃'y,   X̃ = [1, X̂, W],   X̂ = P_[1, Z, W] X
//
// The covariance is the sandwich of OLS with the second stage's design X̃
// (its leverages for HC2 and HC3, its clusters' blocks of the hat matrix
// for CR2 and the Bell-McCaffrey df) and the residuals of the structural
// equation, with the endogenous columns as observed,
//
//	e = y - [1, X, W] β̂,
//
// as estimatr's lm_robust_fit computes them for iv_stage 2 [2]. OLS does
// that computation here: since X̃'v = 0 for the first stage's residuals
// v = X - X̂, the regression of y - v β̂_X on X̃ has the coefficients β̂ and
// the residuals e. For one endogenous column and one instrument with no
// covariates, β̂_X is the Wald estimator, the ratio of the instrument's
// effects on y and on X; with X the receipt of a treatment and Z its random
// assignment, it is the complier average causal effect of Angrist, Imbens
// and Rubin [3].
//
// The coefficients are the intercept (absent when opt.Block absorbs block
// effects, as factor(block) in both parts of the formula), then the
// endogenous, then the exogenous columns; Residuals are e. The options are
// those of OLS.
//
// Special cases:
//
//	fewer instruments than endogenous columns          → error wrapping ErrSingular
//	instruments that do not move an endogenous column   → error wrapping ErrSingular: its
//	  beyond the exogenous columns (a weak instrument        fitted values are collinear with them
//	  in the limit)
//	an instrument or exogenous column constant or       → error wrapping ErrSingular, naming it
//	  collinear
//	a NaN or ±Inf anywhere, n too small, a cluster with → the errors of OLS
//	  leverage 1 (CR2)
//
// TwoStageLS panics, as OLS does, on columns of the wrong length, names that
// do not match the columns, no endogenous column, or CR2 without clusters.
//
// [1] Wooldridge, J. M. (2010). Econometric Analysis of Cross Section and
// Panel Data, 2nd ed. MIT Press, section 5.2.
// [2] Blair, G., Cooper, J., Coppock, A., Humphreys, M. and Sonnet, L.
// (2022). estimatr: Fast Estimators for Design-Based Inference, version
// 1.0.0, "Mathematical notes for estimatr" (iv_robust).
// [3] Angrist, J. D., Imbens, G. W. and Rubin, D. B. (1996). Identification
// of causal effects using instrumental variables. J. Amer. Statist. Assoc.
// 91(434), 444-455.
func TwoStageLS(y []float64, d IVDesign, opt OLSOptions) (*OLSResult, error) {
	n := len(y)
	if len(d.Endogenous) == 0 {
		panic("stats: no endogenous column")
	}
	names := append(append(append([]string{}, d.EndogenousNames...), d.InstrumentNames...), d.ExogenousNames...)
	cols := append(append(append([][]float64{}, d.Endogenous...), d.Instruments...), d.Exogenous...)
	if err := checkRegression(y, names, cols); err != nil {
		return nil, err
	}
	if opt.Block != nil {
		absorbCheckLen("block", len(opt.Block), n)
	}
	if len(d.Instruments) < len(d.Endogenous) {
		return nil, fmt.Errorf("%w: %d instruments for %d endogenous columns: the model is not identified", ErrSingular, len(d.Instruments), len(d.Endogenous))
	}
	block, _ := codeLabelsAs[int32](opt.Block)

	// First stage: each endogenous column on the exogenous columns and the
	// instruments, whose rank this checks.
	firstNames := append(append([]string{}, d.ExogenousNames...), d.InstrumentNames...)
	firstCols := append(append([][]float64{}, d.Exogenous...), d.Instruments...)
	fitted := make([][]float64, len(d.Endogenous))
	resid := make([][]float64, len(d.Endogenous))
	for j, x := range d.Endogenous {
		f, err := olsNewFit(x, firstNames, firstCols, block)
		if err != nil {
			return nil, err
		}
		resid[j] = f.resid
		fitted[j] = make([]float64, n)
		for i, v := range x {
			fitted[j][i] = v - f.resid[i]
		}
	}

	// Second stage, for β̂.
	secondNames := append(append([]string{}, d.EndogenousNames...), d.ExogenousNames...)
	secondCols := append(append([][]float64{}, fitted...), d.Exogenous...)
	f, err := olsNewFit(y, secondNames, secondCols, block)
	if err != nil {
		return nil, ivNotIdentified(err, d.EndogenousNames)
	}
	first := 0
	if block == nil {
		first = 1 // the intercept
	}
	ys := append([]float64(nil), y...)
	for j, v := range resid {
		b := f.beta[first+j]
		for i, r := range v {
			ys[i] -= b * r
		}
	}
	res, err := OLS(ys, secondNames, secondCols, opt)
	if err != nil {
		return nil, ivNotIdentified(err, d.EndogenousNames)
	}
	return res, nil
}

// ivNotIdentified explains a singular second stage: the instruments and the
// exogenous columns have full rank (the first stage checked it), so it is
// the endogenous columns' fitted values that are collinear.
func ivNotIdentified(err error, endogenous []string) error {
	if !errors.Is(err, ErrSingular) {
		return err
	}
	q := make([]string, len(endogenous))
	for i, e := range endogenous {
		q[i] = strconv.Quote(e)
	}
	return fmt.Errorf("%w: the instruments do not move %s beyond the exogenous columns (its first-stage fitted values are collinear with them), so the model is not identified", ErrSingular, strings.Join(q, ", "))
}
