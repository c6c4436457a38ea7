//! `cargo xtask stdlib-smoke`: run pure-Python modules of the machine's
//! CPython 3.11 standard library under ferropy.
//!
//! Each selected module (a file or a package directory of CPython's `Lib/`)
//! is copied at run time into a temporary directory (never into the
//! repository), then a small smoke script per module runs under ferropy and
//! under CPython with that directory first on `sys.path`; the module passes
//! when stdout and the exit status are the same. A module ferropy has
//! natively or frozen is imported from there instead (`import` looks at
//! native and frozen modules before `sys.path`), which the table says.
//! The table is printed as Markdown (docs/modules.md keeps a copy).

use crate::proc::{run_captured, Exit};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Duration;

/// Module, what to copy from `Lib/` (files or directories, separated by
/// spaces: the module and the pure-Python modules it needs that ferropy
/// does not have), smoke script.
const MODULES: &[(&str, &str, &str)] = &[
    (
        "colorsys",
        "colorsys.py",
        "import colorsys as c\n\
         print(c.rgb_to_hsv(0.2, 0.4, 0.4), c.hls_to_rgb(0.5, 0.5, 0.5))\n\
         print(c.rgb_to_yiq(1, 0.5, 0), c.hsv_to_rgb(0.3, 0.5, 0.9))\n",
    ),
    (
        "datetime",
        "datetime.py",
        "import datetime as D\n\
         d = D.date(2024, 2, 29)\n\
         print(d, repr(d), d.isoformat(), d.weekday(), d + D.timedelta(days=1), d.toordinal())\n\
         t = D.datetime(2020, 1, 2, 3, 4, 5, 6)\n\
         print(repr(t), t.isoformat(), (t - D.datetime(2019, 1, 1)).total_seconds())\n\
         print(D.timedelta(days=1, hours=25), repr(D.timedelta(seconds=-1)))\n\
         print(D.date.fromisoformat('2021-03-04'), D.datetime(2020, 1, 1, tzinfo=D.timezone.utc).isoformat())\n\
         print(t.strftime('%Y/%m/%d %H:%M'), D.time(12, 30).isoformat())\n",
    ),
    (
        "fnmatch",
        "fnmatch.py",
        "import fnmatch\n\
         print(fnmatch.fnmatch('a.py', '*.py'), fnmatch.filter(['a.py', 'b.c'], '*.py'))\n\
         print(fnmatch.translate('*.py'), fnmatch.fnmatchcase('A.PY', '*.py'))\n",
    ),
    (
        "textwrap",
        "textwrap.py",
        "import textwrap\n\
         print(textwrap.wrap('The quick brown fox jumps over the lazy dog', 10))\n\
         print(textwrap.dedent('  a\\n    b\\n  c'))\n\
         print(textwrap.fill('word ' * 12, 20))\n\
         print(textwrap.shorten('Hello world foo bar baz', 12), textwrap.indent('a\\nb', '> '))\n",
    ),
    (
        "shlex",
        "shlex.py",
        "import shlex\n\
         print(shlex.split('a \"b c\" d\\\\ e'), shlex.quote(\"it's\"), shlex.join(['a b', 'c']))\n",
    ),
    (
        "difflib",
        "difflib.py",
        "import difflib\n\
         print(list(difflib.ndiff(['a\\n', 'b\\n'], ['a\\n', 'c\\n'])))\n\
         print(difflib.SequenceMatcher(None, 'abcd', 'bcde').ratio())\n\
         print(difflib.get_close_matches('appel', ['ape', 'apple', 'peach']))\n\
         print(''.join(difflib.unified_diff(['x\\n', 'y\\n'], ['x\\n', 'z\\n'], 'a', 'b')))\n",
    ),
    (
        "calendar",
        "calendar.py",
        "import calendar\n\
         print(calendar.isleap(2024), calendar.monthrange(2024, 2), calendar.leapdays(2000, 2025))\n\
         print(calendar.month(2024, 2))\n\
         print(calendar.weekday(2024, 7, 14), list(calendar.Calendar().itermonthdays(2024, 2))[:5])\n",
    ),
    (
        "string",
        "string.py",
        "import string\n\
         print(string.ascii_letters, string.capwords('hello  world'))\n\
         print(string.Template('$x and ${y}').substitute(x=1, y=2), string.Formatter().format('{0}-{a}', 1, a=2))\n",
    ),
    (
        "fractions",
        "fractions.py decimal.py _pydecimal.py",
        "from fractions import Fraction as F\n\
         print(F(1, 3) + F(1, 6), F('3/4'), F(0.5), F(1, 3).limit_denominator(2), F(7, 2) // 1)\n\
         print(repr(F(-6, 4)), F(1, 3) < 0.5, float(F(1, 8)), round(F(7, 3), 2))\n",
    ),
    (
        "decimal",
        "decimal.py _pydecimal.py",
        "from decimal import Decimal as D, localcontext, ROUND_HALF_UP\n\
         print(D('1.1') + D('2.2'), D(1) / D(7), D('3.14159').quantize(D('0.01')), D(2).sqrt())\n\
         with localcontext() as c:\n    c.prec = 5; print(D(1) / D(3), repr(D('-0.5').quantize(D(1), rounding=ROUND_HALF_UP)))\n\
         print(D('1e3').to_integral(), D('12.50').normalize(), D(0.1).as_integer_ratio(), f'{D(\"1234.5\"):,.2f}')\n",
    ),
    (
        "statistics",
        "statistics.py",
        "import statistics as s\n\
         print(s.mean([1, 2, 3, 4]), s.median([3, 1, 2]), s.stdev([1, 2, 3, 4]), s.mode([1, 1, 2]))\n\
         print(s.pvariance([1, 2, 3]), s.median_low([1, 2, 3, 4]), s.fmean([1.5, 2.5]))\n",
    ),
    (
        "pprint",
        "pprint.py",
        "import pprint\n\
         pprint.pprint({'a': list(range(30)), 'b': {'c': 'x' * 50}})\n\
         print(pprint.pformat([1, 2, [3, 4]], width=8), pprint.saferepr({'z': 1, 'a': 2}))\n",
    ),
    (
        "dataclasses",
        "dataclasses.py",
        "from dataclasses import dataclass, field, asdict\n\
         @dataclass(order=True)\n\
         class P:\n    x: int\n    y: list = field(default_factory=list)\n\
         print(P(1), P(1) < P(2), asdict(P(3, [4])))\n",
    ),
    (
        "numbers",
        "numbers.py",
        "import numbers\n\
         print(issubclass(int, numbers.Integral), isinstance(1.5, numbers.Real), isinstance(1j, numbers.Complex))\n",
    ),
    (
        "reprlib",
        "reprlib.py",
        "import reprlib\n\
         print(reprlib.repr(list(range(100))), reprlib.repr('x' * 100))\n",
    ),
    (
        "graphlib",
        "graphlib.py",
        "import graphlib\n\
         ts = graphlib.TopologicalSorter({'b': {'a'}, 'c': {'b'}, 'd': {'a'}})\n\
         print(list(ts.static_order()))\n",
    ),
    (
        "getopt",
        "getopt.py",
        "import getopt\n\
         print(getopt.getopt(['-a', 'x', '--long=3', 'rest'], 'a:', ['long=']))\n",
    ),
    (
        "html",
        "html",
        "import html\n\
         print(html.escape('<a href=\"x\">&</a>'), html.unescape('&lt;&amp;&gt;&#65;'))\n",
    ),
    (
        "this",
        "this.py",
        "import this\n",
    ),
    (
        "bisect",
        "bisect.py",
        "import bisect\n\
         a = [1, 3, 5]; bisect.insort(a, 4)\n\
         print(a, bisect.bisect_left(a, 3), bisect.bisect_right(a, 3))\n",
    ),
    (
        "heapq",
        "heapq.py",
        "import heapq\n\
         h = [5, 1, 4]; heapq.heapify(h)\n\
         print(heapq.heappop(h), heapq.nlargest(2, [3, 9, 1]), list(heapq.merge([1, 4], [2, 3])))\n",
    ),
    (
        "logging",
        "logging",
        "import logging, io\n\
         s = io.StringIO()\n\
         h = logging.StreamHandler(s)\n\
         h.setFormatter(logging.Formatter('%(levelname)s:%(name)s:%(message)s'))\n\
         log = logging.getLogger('x'); log.addHandler(h); log.setLevel(logging.INFO)\n\
         log.info('hi %s', 1); log.debug('no'); log.warning('w')\n\
         print(s.getvalue(), end='')\n",
    ),
];

/// The directory of CPython's pure-Python standard library.
pub fn cpython_stdlib(python: &std::ffi::OsStr) -> Result<PathBuf, String> {
    let out = Command::new(python)
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .map_err(|e| format!("cannot run CPython: {e}"))?;
    let p = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || p.is_empty() {
        return Err("CPython did not report its stdlib directory".into());
    }
    Ok(PathBuf::from(p))
}

pub fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    if from.is_dir() {
        std::fs::create_dir_all(to)?;
        for e in std::fs::read_dir(from)? {
            let e = e?;
            let name = e.file_name();
            if name == "__pycache__" || name == "test" || name == "tests" {
                continue;
            }
            copy_tree(&e.path(), &to.join(name))?;
        }
        Ok(())
    } else {
        std::fs::copy(from, to).map(|_| ())
    }
}

/// Run `script` (with `lib` first on `sys.path`) under `interp`.
fn run(interp: &std::ffi::OsStr, dir: &Path, name: &str, script: &str) -> (Exit, String, String) {
    let path = dir.join(name);
    let text = format!(
        "import sys\nsys.path.insert(0, {:?})\n{}",
        dir.join("lib").display().to_string(),
        script
    );
    if std::fs::write(&path, text).is_err() {
        return (Exit::Code(-1), String::new(), "cannot write script".into());
    }
    let mut cmd = Command::new(interp);
    cmd.arg(&path)
        .current_dir(dir)
        .envs(crate::test::PYTHON_ENV);
    match run_captured(&mut cmd, Some(Duration::from_secs(30))) {
        Ok(c) => (
            c.exit,
            String::from_utf8_lossy(&c.stdout).into_owned(),
            String::from_utf8_lossy(&c.stderr).into_owned(),
        ),
        Err(e) => (Exit::Code(-1), String::new(), e.to_string()),
    }
}

/// The last line of a traceback: the exception.
pub fn last_line(s: &str) -> String {
    let l = s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("");
    let l = l.replace('|', "\\|");
    if l.len() > 70 {
        format!(
            "{}...",
            &l[..l.char_indices().nth(67).map(|(i, _)| i).unwrap_or(l.len())]
        )
    } else {
        l
    }
}

pub fn run_smoke(args: &[String]) -> ExitCode {
    let root = crate::repo_root();
    let python = match crate::cpython() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("xtask stdlib-smoke: {e}");
            return ExitCode::FAILURE;
        }
    };
    let ferropy = match crate::ferropy_override() {
        Some(f) => f,
        None => {
            crate::header("cargo build --release -p ferropy-unix");
            match crate::build_ferropy(&root) {
                Some(f) => f,
                None => return ExitCode::FAILURE,
            }
        }
    };
    let stdlib = match cpython_stdlib(&python) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("xtask stdlib-smoke: {e}");
            return ExitCode::FAILURE;
        }
    };
    let dir = std::env::temp_dir().join(format!("ferropy-stdlib-smoke-{}", std::process::id()));
    let lib = dir.join("lib");
    if let Err(e) = std::fs::create_dir_all(&lib) {
        eprintln!("xtask stdlib-smoke: {}: {e}", lib.display());
        return ExitCode::FAILURE;
    }
    crate::header(&format!(
        "CPython stdlib from {} under {}",
        stdlib.display(),
        ferropy.to_string_lossy()
    ));
    println!("| module | import | smoke test | note |");
    println!("|---|---|---|---|");
    let (mut imports, mut passes) = (0, 0);
    let selected: Vec<_> = MODULES
        .iter()
        .filter(|(m, _, _)| args.is_empty() || args.iter().any(|a| m.contains(a.as_str())))
        .collect();
    // Copy every module first: they import each other.
    for src in MODULES.iter().flat_map(|(_, s, _)| s.split(' ')) {
        if let Err(e) = copy_tree(&stdlib.join(src), &lib.join(src)) {
            eprintln!("xtask stdlib-smoke: copying {src}: {e}");
        }
    }
    for (module, _, script) in &selected {
        let imp = run(
            &ferropy,
            &dir,
            "_import.py",
            &format!(
                "import {module}\nprint(getattr({module}, '__file__', '(frozen or native)'))\n"
            ),
        );
        let ours = if imp.0 == Exit::Code(0) && !imp.1.contains("/lib/") {
            " (ferropy's own module)"
        } else {
            ""
        };
        let script_name = format!("smoke_{module}.py");
        let want = run(&python, &dir, &script_name, script);
        let got = run(&ferropy, &dir, &script_name, script);
        let imported = imp.0 == Exit::Code(0);
        let passed = got.0 == want.0 && got.1 == want.1 && want.0 == Exit::Code(0);
        imports += imported as usize;
        passes += passed as usize;
        let note = if !imported {
            last_line(&imp.2)
        } else if !passed {
            if got.0 != Exit::Code(0) {
                last_line(&got.2)
            } else {
                "output differs".to_string()
            }
        } else {
            String::new()
        };
        println!(
            "| `{module}` | {} | {} | {}{} |",
            if imported { "yes" } else { "no" },
            if passed { "pass" } else { "FAIL" },
            note,
            ours
        );
    }
    println!(
        "\n{} modules: {imports} import, {passes} pass the smoke test",
        selected.len()
    );
    let _ = std::fs::remove_dir_all(&dir);
    ExitCode::SUCCESS
}
