package stats

import (
	"encoding/csv"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"
)

// readContinuousSet reads testdata/continuous/NAME.csv (columns arm,value)
// and returns x (arm "treatment") and y (arm "control").
func readContinuousSet(t testing.TB, name string) (x, y []float64) {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "continuous", name+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range recs[1:] {
		v, err := strconv.ParseFloat(r[1], 64)
		if err != nil {
			t.Fatalf("%s.csv row %d: %v", name, i+2, err)
		}
		switch r[0] {
		case "treatment":
			x = append(x, v)
		case "control":
			y = append(y, v)
		default:
			t.Fatalf("%s.csv row %d: arm %q", name, i+2, r[0])
		}
	}
	return x, y
}

// sameFloatCont reports whether got equals want within tol (absolute or
// relative), treating equal infinities and two NaNs as equal.
func sameFloatCont(got, want, tol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	if math.IsInf(want, 0) {
		return got == want
	}
	return scalar.EqualWithinAbsOrRel(got, want, tol, tol)
}

// Reference values: R 4.2.2, t.test(x, y, alternative = alt, conf.level =
// 0.95) for equalVar false and t.test(..., var.equal = TRUE) for true, on
// testdata/continuous/NAME.csv, printed by testdata/r/continuous.R with
// sprintf("%.17g"). R computes these in closed form (qt and pt are exact to
// about 1e-14), so the tolerance is 1e-9 relative.
var ttestRCases = []struct {
	name                      string
	equalVar                  bool
	alt                       Alternative
	est, se, t, df, p, lo, hi float64
}{
	{name: "attendance", equalVar: false, alt: TwoSided, est: 3.0533376123234888, se: 1.5596146295403168, t: 1.9577513281107359, df: 76.620105818611293, p: 0.053900411807350043, lo: -0.052497624330032647, hi: 6.1591728489770103},
	{name: "attendance", equalVar: false, alt: Less, est: 3.0533376123234888, se: 1.5596146295403168, t: 1.9577513281107359, df: 76.620105818611293, p: 0.97304979409632497, lo: math.Inf(-1), hi: 5.6500726836005146},
	{name: "attendance", equalVar: false, alt: Greater, est: 3.0533376123234888, se: 1.5596146295403168, t: 1.9577513281107359, df: 76.620105818611293, p: 0.026950205903675022, lo: 0.45660254104646281, hi: math.Inf(1)},
	{name: "attendance", equalVar: true, alt: TwoSided, est: 3.0533376123234888, se: 1.5684394784996176, t: 1.9467360100144491, df: 77, p: 0.055213646698393543, lo: -0.069824393139540031, hi: 6.1764996177865177},
	{name: "attendance", equalVar: true, alt: Less, est: 3.0533376123234888, se: 1.5684394784996176, t: 1.9467360100144491, df: 77, p: 0.97239317665080316, lo: math.Inf(-1), hi: 5.6646082477028257},
	{name: "attendance", equalVar: true, alt: Greater, est: 3.0533376123234888, se: 1.5684394784996176, t: 1.9467360100144491, df: 77, p: 0.027606823349196771, lo: 0.4420669769441522, hi: math.Inf(1)},
	{name: "exact", equalVar: false, alt: TwoSided, est: 1.5029333333333332, se: 0.32465793871660859, t: 4.6292825589742694, df: 22.431132927079464, p: 0.00012411480129239939, lo: 0.83038349843140347, hi: 2.1754831682352629},
	{name: "exact", equalVar: false, alt: Less, est: 1.5029333333333332, se: 0.32465793871660859, t: 4.6292825589742694, df: 22.431132927079464, p: 0.99993794259935376, lo: math.Inf(-1), hi: 2.0599476790297842},
	{name: "exact", equalVar: false, alt: Greater, est: 1.5029333333333332, se: 0.32465793871660859, t: 4.6292825589742694, df: 22.431132927079464, p: 6.2057400646199694e-05, lo: 0.94591898763688265, hi: math.Inf(1)},
	{name: "exact", equalVar: true, alt: TwoSided, est: 1.5029333333333332, se: 0.32065028551367297, t: 4.6871417280220884, df: 25, p: 8.3832189774552985e-05, lo: 0.84254170836657138, hi: 2.1633249583000951},
	{name: "exact", equalVar: true, alt: Less, est: 1.5029333333333332, se: 0.32065028551367297, t: 4.6871417280220884, df: 25, p: 0.99995808390511276, lo: math.Inf(-1), hi: 2.0506491561262972},
	{name: "exact", equalVar: true, alt: Greater, est: 1.5029333333333332, se: 0.32065028551367297, t: 4.6871417280220884, df: 25, p: 4.1916094887276493e-05, lo: 0.95521751054036907, hi: math.Inf(1)},
	{name: "ties_small", equalVar: false, alt: TwoSided, est: -0.083333333333333037, se: 0.68903230132230542, t: -0.1209425641924334, df: 24.2838165633664, p: 0.90473169459707359, lo: -1.5045470766784399, hi: 1.3378804100117736},
	{name: "ties_small", equalVar: false, alt: Less, est: -0.083333333333333037, se: 0.68903230132230542, t: -0.1209425641924334, df: 24.2838165633664, p: 0.45236584729853679, lo: math.Inf(-1), hi: 1.0949671723441143},
	{name: "ties_small", equalVar: false, alt: Greater, est: -0.083333333333333037, se: 0.68903230132230542, t: -0.1209425641924334, df: 24.2838165633664, p: 0.54763415270146321, lo: -1.2616338390107802, hi: math.Inf(1)},
	{name: "ties_small", equalVar: true, alt: TwoSided, est: -0.083333333333333037, se: 0.69390201037322263, t: -0.12009380587975428, df: 25, p: 0.9053687757121911, lo: -1.5124512755300037, hi: 1.3457846088633376},
	{name: "ties_small", equalVar: true, alt: Less, est: -0.083333333333333037, se: 0.69390201037322263, t: -0.12009380587975428, df: 25, p: 0.45268438785609555, lo: math.Inf(-1), hi: 1.1019489748998068},
	{name: "ties_small", equalVar: true, alt: Greater, est: -0.083333333333333037, se: 0.69390201037322263, t: -0.12009380587975428, df: 25, p: 0.54731561214390445, lo: -1.2686156415664729, hi: math.Inf(1)},
	{name: "tiny2", equalVar: false, alt: TwoSided, est: 2.3000000000000003, se: 0.89442719099991597, t: 2.5714781741247581, df: 1.470588235294118, p: 0.16682807278216946, lo: -3.2348182640568512, hi: 7.8348182640568513},
	{name: "tiny2", equalVar: false, alt: Less, est: 2.3000000000000003, se: 0.89442719099991597, t: 2.5714781741247581, df: 1.470588235294118, p: 0.91658596360891531, lo: math.Inf(-1), hi: 5.680783965141539},
	{name: "tiny2", equalVar: false, alt: Greater, est: 2.3000000000000003, se: 0.89442719099991597, t: 2.5714781741247581, df: 1.470588235294118, p: 0.083414036391084731, lo: -1.0807839651415383, hi: math.Inf(1)},
	{name: "tiny2", equalVar: true, alt: TwoSided, est: 2.3000000000000003, se: 0.89442719099991597, t: 2.5714781741247581, df: 2, p: 0.12376978457662172, lo: -1.5484095949179315, hi: 6.1484095949179318},
	{name: "tiny2", equalVar: true, alt: Less, est: 2.3000000000000003, se: 0.89442719099991597, t: 2.5714781741247581, df: 2, p: 0.93811510771168916, lo: math.Inf(-1), hi: 4.911714500396041},
	{name: "tiny2", equalVar: true, alt: Greater, est: 2.3000000000000003, se: 0.89442719099991597, t: 2.5714781741247581, df: 2, p: 0.061884892288310858, lo: -0.31171450039604043, hi: math.Inf(1)},
	{name: "tiny23", equalVar: false, alt: TwoSided, est: 1.625, se: 1.2395395650536265, t: 1.3109706586329879, df: 2.6726759006173033, p: 0.29113073411096602, lo: -2.6076745311987279, hi: 5.8576745311987279},
	{name: "tiny23", equalVar: false, alt: Less, est: 1.625, se: 1.2395395650536265, t: 1.3109706586329879, df: 2.6726759006173033, p: 0.85443463294451694, lo: math.Inf(-1), hi: 4.6936573475712091},
	{name: "tiny23", equalVar: false, alt: Greater, est: 1.625, se: 1.2395395650536265, t: 1.3109706586329879, df: 2.6726759006173033, p: 0.14556536705548301, lo: -1.4436573475712087, hi: math.Inf(1)},
	{name: "tiny23", equalVar: true, alt: TwoSided, est: 1.625, se: 1.3076962355396013, t: 1.2426433263604739, df: 3, p: 0.30227703760321617, lo: -2.5366730532264175, hi: 5.7866730532264183},
	{name: "tiny23", equalVar: true, alt: Less, est: 1.625, se: 1.3076962355396013, t: 1.2426433263604739, df: 3, p: 0.84886148119839189, lo: math.Inf(-1), hi: 4.7024845045468924},
	{name: "tiny23", equalVar: true, alt: Greater, est: 1.625, se: 1.3076962355396013, t: 1.2426433263604739, df: 3, p: 0.15113851880160808, lo: -1.4524845045468922, hi: math.Inf(1)},
	{name: "unequal", equalVar: false, alt: TwoSided, est: -3.4745428571428567, se: 1.0483863495287931, t: -3.3141817028660494, df: 35.864734068936478, p: 0.0021090266951631644, lo: -5.6010474038280487, hi: -1.3480383104576643},
	{name: "unequal", equalVar: false, alt: Less, est: -3.4745428571428567, se: 1.0483863495287931, t: -3.3141817028660494, df: 35.864734068936478, p: 0.0010545133475815822, lo: math.Inf(-1), hi: -1.704378279592035},
	{name: "unequal", equalVar: false, alt: Greater, est: -3.4745428571428567, se: 1.0483863495287931, t: -3.3141817028660494, df: 35.864734068936478, p: 0.99894548665241834, lo: -5.2447074346936784, hi: math.Inf(1)},
	{name: "unequal", equalVar: true, alt: TwoSided, est: -3.4745428571428567, se: 1.3796188943440548, t: -2.5184801914407253, df: 53, p: 0.014840610562114675, lo: -6.2417079295383111, hi: -0.7073777847474032},
	{name: "unequal", equalVar: true, alt: Less, est: -3.4745428571428567, se: 1.3796188943440548, t: -2.5184801914407253, df: 53, p: 0.0074203052810573374, lo: math.Inf(-1), hi: -1.1649004656590958},
	{name: "unequal", equalVar: true, alt: Greater, est: -3.4745428571428567, se: 1.3796188943440548, t: -2.5184801914407253, df: 53, p: 0.9925796947189427, lo: -5.7841852486266188, hi: math.Inf(1)},
	{name: "huge", equalVar: false, alt: TwoSided, est: 13.941074950000001, se: 0.00020675456952432843, t: 67428.134633607595, df: 77.757090918459227, p: 9.7219802468844174e-304, lo: 13.940663313016556, hi: 13.941486586983443},
	{name: "huge", equalVar: false, alt: Less, est: 13.941074950000001, se: 0.00020675456952432843, t: 67428.134633607595, df: 77.757090918459227, p: 1, lo: math.Inf(-1), hi: 13.941419131675659},
	{name: "huge", equalVar: false, alt: Greater, est: 13.941074950000001, se: 0.00020675456952432843, t: 67428.134633607595, df: 77.757090918459227, p: 4.8609901234422087e-304, lo: 13.94073076832434, hi: math.Inf(1)},
	{name: "huge", equalVar: true, alt: TwoSided, est: 13.941074950000001, se: 0.00020675456952432843, t: 67428.134633607595, df: 78, p: 1.2490525590471033e-304, lo: 13.940663333271299, hi: 13.941486566728701},
	{name: "huge", equalVar: true, alt: Less, est: 13.941074950000001, se: 0.00020675456952432843, t: 67428.134633607595, df: 78, p: 1, lo: math.Inf(-1), hi: 13.941419118751792},
	{name: "huge", equalVar: true, alt: Greater, est: 13.941074950000001, se: 0.00020675456952432843, t: 67428.134633607595, df: 78, p: 6.2452627952355167e-305, lo: 13.940730781248206, hi: math.Inf(1)},
	{name: "normal60", equalVar: false, alt: TwoSided, est: 0.0013699999999999823, se: 0.18078306405953323, t: 0.0075781434899722189, df: 116.43815039488975, p: 0.99396654264736028, lo: -0.35667943719994438, hi: 0.35941943719994435},
	{name: "normal60", equalVar: false, alt: Less, est: 0.0013699999999999823, se: 0.18078306405953323, t: 0.0075781434899722189, df: 116.43815039488975, p: 0.50301672867631986, lo: math.Inf(-1), hi: 0.30111654846196384},
	{name: "normal60", equalVar: false, alt: Greater, est: 0.0013699999999999823, se: 0.18078306405953323, t: 0.0075781434899722189, df: 116.43815039488975, p: 0.49698327132368014, lo: -0.29837654846196388, hi: math.Inf(1)},
	{name: "normal60", equalVar: true, alt: TwoSided, est: 0.0013699999999999823, se: 0.18078306405953323, t: 0.0075781434899722189, df: 118, p: 0.99396637118248909, lo: -0.35662968489562857, hi: 0.35936968489562854},
	{name: "normal60", equalVar: true, alt: Less, est: 0.0013699999999999823, se: 0.18078306405953323, t: 0.0075781434899722189, df: 118, p: 0.50301681440875545, lo: math.Inf(-1), hi: 0.30108473201808339},
	{name: "normal60", equalVar: true, alt: Greater, est: 0.0013699999999999823, se: 0.18078306405953323, t: 0.0075781434899722189, df: 118, p: 0.49698318559124455, lo: -0.29834473201808343, hi: math.Inf(1)},
	{name: "ties60", equalVar: false, alt: TwoSided, est: 0.53333333333333344, se: 0.20444679847985614, t: 2.608665615205914, df: 117.97844565247343, p: 0.010265354834899727, lo: 0.12847224560894802, hi: 0.93819442105771889},
	{name: "ties60", equalVar: false, alt: Less, est: 0.53333333333333344, se: 0.20444679847985614, t: 2.608665615205914, df: 117.97844565247343, p: 0.99486732258255017, lo: math.Inf(-1), hi: 0.87227993944983817},
	{name: "ties60", equalVar: false, alt: Greater, est: 0.53333333333333344, se: 0.20444679847985614, t: 2.608665615205914, df: 117.97844565247343, p: 0.0051326774174498633, lo: 0.19438672721682873, hi: math.Inf(1)},
	{name: "ties60", equalVar: true, alt: TwoSided, est: 0.53333333333333344, se: 0.20444679847985614, t: 2.608665615205914, df: 118, p: 0.010265134707634311, lo: 0.12847301185097421, hi: 0.93819365481569261},
	{name: "ties60", equalVar: true, alt: Less, est: 0.53333333333333344, se: 0.20444679847985614, t: 2.608665615205914, df: 118, p: 0.99486743264618283, lo: math.Inf(-1), hi: 0.87227944942619173},
	{name: "ties60", equalVar: true, alt: Greater, est: 0.53333333333333344, se: 0.20444679847985614, t: 2.608665615205914, df: 118, p: 0.0051325673538171555, lo: 0.1943872172404752, hi: math.Inf(1)},
	{name: "exact49", equalVar: false, alt: TwoSided, est: 0.25984591836734694, se: 0.19517877765215649, t: 1.3313226032721595, df: 92.950103236779427, p: 0.18633890976533193, lo: -0.12774319444199331, hi: 0.64743503117668733},
	{name: "exact49", equalVar: false, alt: Less, est: 0.25984591836734694, se: 0.19517877765215649, t: 1.3313226032721595, df: 92.950103236779427, p: 0.90683054511733396, lo: math.Inf(-1), hi: 0.58411840807268556},
	{name: "exact49", equalVar: false, alt: Greater, est: 0.25984591836734694, se: 0.19517877765215649, t: 1.3313226032721595, df: 92.950103236779427, p: 0.093169454882665967, lo: -0.064426571337991637, hi: math.Inf(1)},
	{name: "exact49", equalVar: true, alt: TwoSided, est: 0.25984591836734694, se: 0.19517877765215652, t: 1.3313226032721592, df: 96, p: 0.18623574632297124, lo: -0.12758089321431368, hi: 0.64727272994900753},
	{name: "exact49", equalVar: true, alt: Less, est: 0.25984591836734694, se: 0.19517877765215652, t: 1.3313226032721592, df: 96, p: 0.90688212683851432, lo: math.Inf(-1), hi: 0.5840147277151021},
	{name: "exact49", equalVar: true, alt: Greater, est: 0.25984591836734694, se: 0.19517877765215652, t: 1.3313226032721592, df: 96, p: 0.09311787316148562, lo: -0.064322890980408151, hi: math.Inf(1)},
	{name: "equalmeans", equalVar: false, alt: TwoSided, est: 0, se: 1.4142135623730951, t: 0, df: 4.923076923076926, p: 1, lo: -3.6525031741894165, hi: 3.6525031741894165},
	{name: "equalmeans", equalVar: false, alt: Less, est: 0, se: 1.4142135623730951, t: 0, df: 4.923076923076926, p: 0.5, lo: math.Inf(-1), hi: 2.8595741444103622},
	{name: "equalmeans", equalVar: false, alt: Greater, est: 0, se: 1.4142135623730951, t: 0, df: 4.923076923076926, p: 0.5, lo: -2.8595741444103622, hi: math.Inf(1)},
	{name: "equalmeans", equalVar: true, alt: TwoSided, est: 0, se: 1.3416407864998738, t: 0, df: 7, p: 1, lo: -3.1724763406836187, hi: 3.1724763406836187},
	{name: "equalmeans", equalVar: true, alt: Less, est: 0, se: 1.3416407864998738, t: 0, df: 7, p: 0.5, lo: math.Inf(-1), hi: 2.5418439298187896},
	{name: "equalmeans", equalVar: true, alt: Greater, est: 0, se: 1.3416407864998738, t: 0, df: 7, p: 0.5, lo: -2.5418439298187896, hi: math.Inf(1)},
	{name: "constant_control", equalVar: false, alt: TwoSided, est: 0.875, se: 0.625, t: 1.3999999999999999, df: 3, p: 0.25600732874811383, lo: -1.1140289408023174, hi: 2.8640289408023172},
	{name: "constant_control", equalVar: false, alt: Less, est: 0.875, se: 0.625, t: 1.3999999999999999, df: 3, p: 0.87199633562594303, lo: math.Inf(-1), hi: 2.3458521467511404},
	{name: "constant_control", equalVar: false, alt: Greater, est: 0.875, se: 0.625, t: 1.3999999999999999, df: 3, p: 0.12800366437405691, lo: -0.5958521467511404, hi: math.Inf(1)},
	{name: "constant_control", equalVar: true, alt: TwoSided, est: 0.875, se: 0.73950997288745191, t: 1.1832159566199234, df: 5, p: 0.28991087431611789, lo: -1.0259709035763867, hi: 2.7759709035763867},
	{name: "constant_control", equalVar: true, alt: Less, est: 0.875, se: 0.73950997288745191, t: 1.1832159566199234, df: 5, p: 0.85504456284194108, lo: math.Inf(-1), hi: 2.3651483679304075},
	{name: "constant_control", equalVar: true, alt: Greater, est: 0.875, se: 0.73950997288745191, t: 1.1832159566199234, df: 5, p: 0.14495543715805895, lo: -0.6151483679304075, hi: math.Inf(1)},
	{name: "large", equalVar: false, alt: TwoSided, est: 0.032313999999999954, se: 0.019575578052647074, t: 1.6507303086066645, df: 5383.5779245727126, p: 0.098851985475722701, lo: -0.0060620558362348585, hi: 0.070690055836234764},
	{name: "large", equalVar: false, alt: Less, est: 0.032313999999999954, se: 0.019575578052647074, t: 1.6507303086066645, df: 5383.5779245727126, p: 0.9505740072621387, lo: math.Inf(-1), hi: 0.0645185021950858},
	{name: "large", equalVar: false, alt: Greater, est: 0.032313999999999954, se: 0.019575578052647074, t: 1.6507303086066645, df: 5383.5779245727126, p: 0.04942599273786135, lo: 0.00010949780491410364, hi: math.Inf(1)},
	{name: "large", equalVar: true, alt: TwoSided, est: 0.032313999999999954, se: 0.01964127814716431, t: 1.6452086141178779, df: 5498, p: 0.099983961738913343, lo: -0.006190674410995441, hi: 0.070818674410995361},
	{name: "large", equalVar: true, alt: Less, est: 0.032313999999999954, se: 0.01964127814716431, t: 1.6452086141178779, df: 5498, p: 0.95000801913054334, lo: math.Inf(-1), hi: 0.064626472095941176},
	{name: "large", equalVar: true, alt: Greater, est: 0.032313999999999954, se: 0.01964127814716431, t: 1.6452086141178779, df: 5498, p: 0.049991980869456672, lo: 1.5279040587370454e-06, hi: math.Inf(1)},
}

func TestTTestAgainstR(t *testing.T) {
	const tol = 1e-9
	for _, c := range ttestRCases {
		x, y := readContinuousSet(t, c.name)
		test, fn := "WelchT", WelchT
		if c.equalVar {
			test, fn = "StudentT", StudentT
		}
		got, err := fn(x, y, 0.95, c.alt)
		if err != nil {
			t.Errorf("%s %s %v: %v", test, c.name, c.alt, err)
			continue
		}
		for _, v := range []struct {
			what      string
			got, want float64
		}{
			{"estimate", got.Estimate, c.est}, {"se", got.SE, c.se}, {"t", got.T, c.t},
			{"df", got.DF, c.df}, {"p", got.P, c.p}, {"ci low", got.CILow, c.lo}, {"ci high", got.CIHigh, c.hi},
		} {
			if !sameFloatCont(v.got, v.want, tol) {
				t.Errorf("%s %s %v: %s = %.17g, R %.17g", test, c.name, c.alt, v.what, v.got, v.want)
			}
		}
	}
}

func TestTTestTinyPValue(t *testing.T) {
	// The huge data set's p-values are below 1e-300; they must not
	// underflow to 0 (R: 9.7219802468844174e-304 and 1.2490525590471033e-304).
	x, y := readContinuousSet(t, "huge")
	for _, fn := range []func([]float64, []float64, float64, Alternative) (TTestResult, error){WelchT, StudentT} {
		r, err := fn(x, y, 0.95, TwoSided)
		if err != nil {
			t.Fatal(err)
		}
		if !(r.P > 0 && r.P < 1e-300) {
			t.Errorf("p = %g, want in (0, 1e-300)", r.P)
		}
	}
}

func TestStudentTUpperTail(t *testing.T) {
	// Reference values: R 4.2.2, pt(t, df, lower.tail = FALSE).
	// The tail from gonum's incomplete beta loses about df·ε relative
	// (1 - df/(df+t²) is formed inside), hence 1e-9 up to df = 1e7.
	cases := []struct{ t, df, want float64 }{

		{t: 2, df: 10, want: 0.036694017385370196},                           // pt(2, 10, lower.tail = FALSE)
		{t: -2, df: 10, want: 0.96330598261462974},                           // pt(-2, 10, lower.tail = FALSE)
		{t: 0, df: 5, want: 0.5},                                             // pt(0, 5, lower.tail = FALSE)
		{t: 40, df: 3, want: 1.719034039457927e-05},                          // pt(40, 3, lower.tail = FALSE)
		{t: 10000, df: 78, want: 2.787066248097649e-240},                     // pt(10000, 78, lower.tail = FALSE)
		{t: 67000, df: 77.75, want: 8.4688652348334927e-304},                 // pt(67000, 77.75, lower.tail = FALSE)
		{t: 9.9999999999999995e+59, df: 2, want: 5.0000000000000472e-121},    // pt(1e+60, 2, lower.tail = FALSE)
		{t: 9.9999999999999998e+119, df: 1.5, want: 3.7708524320162172e-181}, // pt(1e+120, 1.5, lower.tail = FALSE)
		{t: 3, df: 1000000, want: 0.0013499312707108962},                     // pt(3, 1e+06, lower.tail = FALSE)
		{t: 0.5, df: 0.69999999999999996, want: 0.36520084334116509},         // pt(0.5, 0.7, lower.tail = FALSE)
		{t: -30, df: 4, want: 0.99999632357195112},                           // pt(-30, 4, lower.tail = FALSE)
		{t: 30, df: 2000000, want: 5.4305961558869303e-198},                  // pt(30, 2e+06, lower.tail = FALSE)
		{t: 8, df: 5000, want: 7.6699359434577163e-16},                       // pt(8, 5000, lower.tail = FALSE)
		{t: -1.5, df: 300000, want: 0.93319227256625847},                     // pt(-1.5, 3e+05, lower.tail = FALSE)
		{t: 1.96, df: 10000000, want: 0.024997909012657107},                  // pt(1.96, 1e+07, lower.tail = FALSE)
	}
	for _, c := range cases {
		if got := CentralTSurvival(c.t, c.df); !sameFloatCont(got, c.want, 1e-9) {
			t.Errorf("CentralTSurvival(%g, %g) = %.17g, R %.17g", c.t, c.df, got, c.want)
		}
	}
}

func TestStudentTQuantileUpper(t *testing.T) {
	// Reference values: R 4.2.2, qt(p, df, lower.tail = FALSE).
	cases := []struct{ p, df, want float64 }{

		{p: 0.025, df: 1.47, want: 6.1916755935980543},  // qt(0.025, 1.47, lower.tail = FALSE)
		{p: 0.025, df: 2, want: 4.3026527297494637},     // qt(0.025, 2, lower.tail = FALSE)
		{p: 0.025, df: 7.3, want: 2.3450667365477034},   // qt(0.025, 7.3, lower.tail = FALSE)
		{p: 0.025, df: 78, want: 1.9908470688116913},    // qt(0.025, 78, lower.tail = FALSE)
		{p: 0.025, df: 1e+05, want: 1.959987707534609},  // qt(0.025, 1e+05, lower.tail = FALSE)
		{p: 0.05, df: 1.47, want: 3.781375391886403},    // qt(0.05, 1.47, lower.tail = FALSE)
		{p: 0.05, df: 2, want: 2.919985580353726},       // qt(0.05, 2, lower.tail = FALSE)
		{p: 0.05, df: 7.3, want: 1.8829300179564303},    // qt(0.05, 7.3, lower.tail = FALSE)
		{p: 0.05, df: 78, want: 1.6646246445066151},     // qt(0.05, 78, lower.tail = FALSE)
		{p: 0.05, df: 1e+05, want: 1.6448688647849694},  // qt(0.05, 1e+05, lower.tail = FALSE)
		{p: 1e-10, df: 1.47, want: 3239814.2089633849},  // qt(1e-10, 1.47, lower.tail = FALSE)
		{p: 1e-10, df: 2, want: 70710.678108048145},     // qt(1e-10, 2, lower.tail = FALSE)
		{p: 1e-10, df: 7.3, want: 48.427203034637948},   // qt(1e-10, 7.3, lower.tail = FALSE)
		{p: 1e-10, df: 78, want: 7.3116316325892905},    // qt(1e-10, 78, lower.tail = FALSE)
		{p: 1e-10, df: 1e+05, want: 6.3620004198436906}, // qt(1e-10, 1e+05, lower.tail = FALSE)
	}
	for _, c := range cases {
		if got := CentralTUpperQuantile(c.p, c.df); !sameFloatCont(got, c.want, 1e-9) {
			t.Errorf("CentralTUpperQuantile(%g, %g) = %.17g, R %.17g", c.p, c.df, got, c.want)
		}
	}
}

func TestTTestErrors(t *testing.T) {
	cases := []struct {
		name  string
		x, y  []float64
		level float64
		want  error
	}{
		{"one treatment value", []float64{1}, []float64{1, 2}, 0.95, ErrTooFew},
		{"one control value", []float64{1, 2}, []float64{3}, 0.95, ErrTooFew},
		{"empty", nil, nil, 0.95, ErrTooFew},
		{"both constant", []float64{2, 2, 2}, []float64{5, 5}, 0.95, ErrZeroVariance},
		{"both constant at zero", []float64{0, 0}, []float64{0, 0}, 0.95, ErrZeroVariance},
		{"essentially constant", []float64{1e10, 1e10 + 1e-6}, []float64{1e10, 1e10}, 0.95, ErrZeroVariance},
		{"NaN", []float64{1, math.NaN()}, []float64{1, 2}, 0.95, ErrDomain},
		{"Inf", []float64{1, 2}, []float64{math.Inf(1), 2}, 0.95, ErrDomain},
		{"level 1", []float64{1, 2}, []float64{1, 3}, 1, ErrDomain},
		{"level 0", []float64{1, 2}, []float64{1, 3}, 0, ErrDomain},
		{"level NaN", []float64{1, 2}, []float64{1, 3}, math.NaN(), ErrDomain},
	}
	for _, c := range cases {
		for test, fn := range map[string]func([]float64, []float64, float64, Alternative) (TTestResult, error){"WelchT": WelchT, "StudentT": StudentT} {
			if test == "StudentT" && strings.HasPrefix(c.name, "one ") {
				continue // see TestStudentTOneValue
			}
			if _, err := fn(c.x, c.y, c.level, TwoSided); !errors.Is(err, c.want) {
				t.Errorf("%s %s: error %v, want %v", test, c.name, err, c.want)
			}
		}
	}
}

func TestTTestOneConstantArm(t *testing.T) {
	// One constant arm is not an error: the other arm's variance carries
	// the test (see constant_control in ttestRCases).
	if _, err := WelchT([]float64{1, 2, 4}, []float64{3, 3, 3}, 0.95, TwoSided); err != nil {
		t.Errorf("WelchT: %v", err)
	}
}

// TestStudentTOneValue checks one observation in an arm, which R accepts
// when var.equal = TRUE (df = nx + ny - 2 ≥ 1).
func TestStudentTOneValue(t *testing.T) {
	for _, c := range []struct {
		x, y            []float64
		t, p, low, high float64
	}{
		// R 4.2.2: t.test(c(4, 5), 3, var.equal = TRUE)
		{[]float64{4, 5}, []float64{3}, 1.7320508075688774, 0.33333333333333326, -9.5038960872134357, 12.503896087213436},
		// R 4.2.2: t.test(3, c(4, 5, 7), var.equal = TRUE)
		{[]float64{3}, []float64{4, 5, 7}, -1.3228756555322951, 0.31686994893602682, -9.922499400526851, 5.2558327338601867},
	} {
		r, err := StudentT(c.x, c.y, 0.95, TwoSided)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range [][2]float64{{r.T, c.t}, {r.P, c.p}, {r.CILow, c.low}, {r.CIHigh, c.high}} {
			if !scalar.EqualWithinAbsOrRel(v[0], v[1], 0, 1e-9) {
				t.Errorf("StudentT(%v, %v): %.17g, R %.17g", c.x, c.y, v[0], v[1])
			}
		}
	}
	if _, err := StudentT([]float64{1}, []float64{2}, 0.95, TwoSided); !errors.Is(err, ErrTooFew) {
		t.Errorf("one value in each arm: %v, want ErrTooFew", err)
	}
}
