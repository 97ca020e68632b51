package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// browserReports are the reports evalkit writes, as a user would write
// them: the three example trials as the README runs them, a three-arm
// trial, a trial by its randomisation manifest, an undefined result, the
// life cycle's report and the cost report. pdf marks those printed to A4.
var browserReports = []struct {
	name string
	args []string
	pdf  bool
}{
	{"navigators", []string{"analyse", "--in", "../../examples/school_navigators.csv", "--outcome", "attendance",
		"--covariates", "attendance_baseline", "--block", "town", "--cluster", "school", "--permutations", "2000", "--seed", "1",
		"--label", "Pupils in schools with a navigator attended", "--unit", "percentage points", "--better", "higher",
		"--units-label", "schools,pupils"}, true},
	{"deterrence", []string{"analyse", "--in", "../../examples/focused_deterrence.csv", "--outcome", "reoffended"}, true},
	{"hotspots", []string{"analyse", "--in", "../../examples/hotspots.csv", "--outcome", "crimes_after", "--type", "count",
		"--exposure", "weeks", "--covariates", "crimes_before", "--block", "area", "--unit", "crimes", "--better", "lower",
		"--units-label", "hotspots"}, true},
	{"three_arm", []string{"analyse", "--in", "testdata/analyse/three_arm.csv", "--outcome", "reattended", "--units-label", "patients"}, false},
	{"design", []string{"analyse", "--in", "../../testdata/design/school_trial.csv", "--outcome", "attendance",
		"--covariates", "attendance_baseline", "--design", "../../testdata/design/school_allocation.csv.manifest.json"}, false},
	{"undefined", []string{"analyse", "--in", "../../testdata/analyse2/leverage_one.csv", "--outcome", "y", "--covariates", "z", "--cluster", "school"}, false},
	{"lifecycle", []string{"lifecycle", "report", "--in", "../../examples/portfolio.yaml"}, false},
	{"costs", []string{"unitcost", "--costs", "../../examples/costs_2023_24.csv", "--reach", "../../examples/reach_2023_24.csv",
		"--price-year", "2023-24", "--deflators", "../../examples/deflators.csv"}, false},
}

// browserMaxPages is the most A4 pages an example trial's report may
// print to.
const browserMaxPages = 4

// browserWidths are the window widths every report must fit: a laptop
// and a phone.
var browserWidths = []int64{1280, 390}

// TestReportsInBrowser opens every report in headless Chromium at each of
// browserWidths and checks that nothing is wider than the window (wide
// tables scroll inside their box), that every image and SVG is drawn with
// a size, that the console shows no error (a resource the page's
// Content-Security-Policy refused included), and that an example trial
// prints on at most browserMaxPages A4 pages. With EVALKIT_SCREENSHOTS=DIR
// it saves each page's screenshot there. It needs Debian's chromium
// (apt-get install chromium, as .ci/run does) and is skipped only with
// -short.
func TestReportsInBrowser(t *testing.T) {
	ctx := browserStart(t)
	shots := os.Getenv("EVALKIT_SCREENSHOTS")
	dir := t.TempDir()
	for _, r := range browserReports {
		out := filepath.Join(dir, r.name)
		args := append(append([]string{}, r.args...), "--report", out)
		if r.args[0] == "lifecycle" {
			args = append(r.args[:len(r.args):len(r.args)], "--out", out)
		}
		_, stderr, code := runCmd(t, args...)
		require.Equal(t, 0, code, "%s: %s", r.name, stderr)
	}
	for _, r := range browserReports {
		url := "file://" + filepath.Join(dir, r.name, "report.html")
		for _, w := range browserWidths {
			t.Run(fmt.Sprintf("%s/%dpx", r.name, w), func(t *testing.T) {
				got := browserLook(t, ctx, url, w)
				assert.Empty(t, got.overflow, "wider than the %d px window", w)
				assert.Empty(t, got.empty, "drawn with no size")
				assert.Positive(t, got.svgs, "no plot drawn")
				assert.Empty(t, got.errors, "console errors")
				if shots != "" {
					require.NoError(t, os.WriteFile(filepath.Join(shots, fmt.Sprintf("%s_%d.png", r.name, w)), got.shot, 0o644))
				}
			})
		}
		if !r.pdf {
			continue
		}
		t.Run(r.name+"/A4", func(t *testing.T) {
			tab, done := browserTab(t, ctx)
			require.NoError(t, chromedp.Do(tab, chromedp.Navigate(url), chromedp.WaitReady("body")))
			pdf, err := chromedp.Run(tab, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPreferCSSPageSize()))
			require.NoError(t, err)
			assert.Empty(t, done(), "console errors")
			pages := len(browserPDFPage.FindAll(pdf, -1))
			require.Positive(t, pages, "no page found in the PDF")
			assert.LessOrEqual(t, pages, browserMaxPages, "A4 pages")
			if shots != "" {
				require.NoError(t, os.WriteFile(filepath.Join(shots, r.name+".pdf"), pdf, 0o644))
			}
		})
	}
}

// TestBrowserChecksFail shows that the browser test's checks see what
// they look for: a page too wide, an SVG with no size, and an image that
// the Content-Security-Policy refuses (a console error).
func TestBrowserChecksFail(t *testing.T) {
	ctx := browserStart(t)
	page := filepath.Join(t.TempDir(), "bad.html")
	require.NoError(t, os.WriteFile(page, []byte(`<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"></head>
<body><img src="elsewhere.png" alt=""><div style="width: 2000px">too wide</div><div class="scroll" style="overflow-x: auto"><table style="width: 3000px"><tr><td>scrolls</td></tr></table></div>
<svg width="0" height="0"></svg></body></html>`), 0o644))
	got := browserLook(t, ctx, "file://"+page, 390)
	require.NotEmpty(t, got.overflow)
	assert.Contains(t, got.overflow[0], "the page is")
	for _, o := range got.overflow {
		assert.NotContains(t, o, "scrolls", "a table in a .scroll box may be wider")
	}
	assert.Contains(t, got.empty, "svg in the page")
	assert.NotEmpty(t, got.errors, "the refused image")
}

// browserStart starts headless Chromium for the test, or fails with what
// to do when there is none; it skips the test with -short.
func browserStart(t *testing.T) context.Context {
	if testing.Short() {
		t.Skip("-short: the browser test is skipped")
	}
	browser := browserExecutable()
	if browser == "" {
		where := "on this machine"
		if os.Getenv("CI") == "true" {
			where = "in CI"
		}
		t.Fatalf("no Chromium %s (looked for $CHROME, chromium, chromium-browser, google-chrome): install it with apt-get install -y chromium (.ci/run does), or skip this test with go test -short", where)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.DisableGPU)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	require.NoError(t, chromedp.Do(ctx), "starting %s", browser)
	return ctx
}

// browserSight is what browserLook saw of a page.
type browserSight struct {
	overflow, empty, errors []string
	svgs                    int
	shot                    []byte
}

// browserLook opens url in a tab of ctx's browser w px wide and looks at
// it: what is wider than the window, what is drawn with no size, the SVGs,
// the console errors and a screenshot of the whole page.
func browserLook(t *testing.T, ctx context.Context, url string, w int64) browserSight {
	tab, done := browserTab(t, ctx)
	require.NoError(t, chromedp.Do(tab, chromedp.EmulateViewport(w, 900), chromedp.Navigate(url), chromedp.WaitReady("body")))
	var s browserSight
	var err error
	s.overflow, err = chromedp.Run(tab, chromedp.Evaluate[[]string](browserOverflowJS))
	require.NoError(t, err)
	s.empty, err = chromedp.Run(tab, chromedp.Evaluate[[]string](browserEmptyJS))
	require.NoError(t, err)
	s.svgs, err = chromedp.Run(tab, chromedp.Evaluate[int](`document.querySelectorAll("svg").length`))
	require.NoError(t, err)
	s.shot, err = chromedp.Run(tab, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	s.errors = done()
	return s
}

// browserTab opens a tab of the browser of ctx that collects its console
// errors: console.error, exceptions, and the browser's own log entries of
// level error, such as a resource that the Content-Security-Policy
// refused. done closes the tab and returns them.
func browserTab(t *testing.T, ctx context.Context) (tab context.Context, done func() []string) {
	tab, cancel := chromedp.NewContext(ctx)
	tab, stop := context.WithTimeout(tab, 60*time.Second)
	messages := chromedp.Console(tab)
	var errs []string
	finished := make(chan struct{})
	listening := make(chan struct{})
	go func() {
		defer close(finished)
		close(listening)
		for m, err := range messages {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				errs = append(errs, m.String())
			}
		}
	}()
	<-listening
	t.Cleanup(func() { stop(); cancel() })
	return tab, func() []string {
		time.Sleep(100 * time.Millisecond) // a last message on its way
		stop()
		cancel()
		<-finished
		return errs
	}
}

// browserPDFPage finds a PDF's page objects (not its /Pages tree).
var browserPDFPage = regexp.MustCompile(`/Type\s*/Page[^s]`)

// browserExecutable returns the Chromium to run: $CHROME, or the first of
// Debian's and others' names on PATH; "" when there is none.
func browserExecutable() string {
	if c := os.Getenv("CHROME"); c != "" {
		return c
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browserOverflowJS lists the elements that reach beyond the window's
// width, unless they sit inside a box that scrolls sideways.
const browserOverflowJS = `(() => {
  const w = document.documentElement.clientWidth;
  const out = [];
  if (document.documentElement.scrollWidth > w) out.push("the page is " + document.documentElement.scrollWidth + " px wide");
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right <= w + 1 || el.closest(".scroll") || el.closest("svg") && el.tagName.toLowerCase() !== "svg") continue;
    out.push(el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className : "") + " reaches " + Math.round(r.right) + " px: " + (el.textContent || "").trim().slice(0, 60));
  }
  return out.slice(0, 10);
})()`

// browserEmptyJS lists the images and SVGs drawn with no width or height.
const browserEmptyJS = `(() => {
  const out = [];
  for (const el of document.querySelectorAll("img, svg")) {
    const r = el.getBoundingClientRect();
    if (!(r.width > 0 && r.height > 0)) out.push(el.tagName.toLowerCase() + " in " + (el.closest("figure") ? el.closest("figure").id : "the page"));
    if (el.tagName.toLowerCase() === "img" && !(el.complete && el.naturalWidth > 0)) out.push("img not loaded");
  }
  return out;
})()`
