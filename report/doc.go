// Package report draws evalkit's plots with gonum/plot and builds the
// self-contained HTML reports that are handed to a board: a trial's
// headlines, its results in words with a glossary (Glossary) and the
// warnings beside them, a CONSORT flow diagram, outcome distributions,
// forest plots and covariate balance, with summary.md for a board paper;
// power curves; the cost report with cost per person and tornado charts;
// and the portfolio by gate. Every plot shares one look (NewStyledPlot).
//
// It holds no statistics of its own: it draws results computed elsewhere,
// and it never shows row-level identifiers, only counts and summaries.
package report
