# Records test/fixtures/fuzz_cases.json for test/fuzz.test.ts: the
# differential fuzzer's programs (scripts/fuzz_numpy.py) for one fixed seed,
# with NumPy's answer at every step. `npm run fuzz` runs other seeds live.
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEED, COUNT = 18, 2500

out = subprocess.run([sys.executable, str(ROOT / "scripts" / "fuzz_numpy.py"), "--seed", str(SEED), "--count", str(COUNT)],
                     check=True, capture_output=True, text=True).stdout
(ROOT / "test" / "fixtures" / "fuzz_cases.json").write_text(out)
