//! `cargo xtask test`: the project's whole test command.
//!
//! Steps: build the release binary; check that core and capi build for a
//! no_std target (capi's layout assertions for the board); run the Rust
//! unit tests; run the Python suite under ferropy and compare with CPython
//! 3.11; run it again with `-X heapsize=150k`; build the
//! Cortex-M4 firmware and run the suite on it in QEMU, through the raw REPL.
//!
//! Ends with an overall `N passed, N failed` line (see tests/README.md).

use crate::board::{self, Board, BoardError};
use crate::diff;
use crate::proc::{run_captured, Exit};
use crate::{build_ferropy, cargo, cpython, ferropy_override, find_in_path, header, run_status};
use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, OnceLock};
use std::thread;
use std::time::Duration;

/// Environment of every Python test run, under CPython and under ferropy.
pub const PYTHON_ENV: [(&str, &str); 3] = [
    ("PYTHONHASHSEED", "0"),
    ("PYTHONIOENCODING", "utf-8"),
    // Keep CPython from leaving __pycache__ directories in tests/.
    ("PYTHONDONTWRITEBYTECODE", "1"),
];
/// A test (under either interpreter) running longer than this fails.
const TIMEOUT: Duration = Duration::from_secs(30);
const WORKERS: usize = 2;
/// Features a test may declare with `# requires:`.
const KNOWN_FEATURES: [&str; 4] = ["files", "bigheap", "host", "machine"];
const NO_STD_TARGET: &str = "thumbv7em-none-eabihf";
/// At most this many changed lines are shown for a failing test.
const DIFF_LINES: usize = 20;
/// At most this many trailing stderr lines are shown for a failing test.
const STDERR_LINES: usize = 8;

const USAGE: &str = "\
usage: cargo xtask test [--quick | --board] [PATTERN...]

  --quick     skip the no_std check (step 2), the heapsize=150k pass (step 5),
              the board pass (step 6) and the Metro M4 build check (step 7)
  --board     run only the board pass (step 6)
  PATTERN     run only the Python tests whose path (e.g. tests/basics/int_ops.py)
              contains one of the substrings; also passed to `cargo test` as
              test-name filters
  FERROPY=path  test this interpreter instead of building target/release/ferropy
";

/// One Python pass: the interpreter's extra arguments and the target's features.
struct Pass {
    name: &'static str,
    args: &'static [&'static str],
    features: &'static [&'static str],
}

const DEFAULT_PASS: Pass = Pass {
    name: "python",
    args: &[],
    features: &["files", "bigheap", "host"],
};

/// The Metro M4's heap size, with the collector run before every
/// allocation (GC stress mode: any object the collector cannot see is freed
/// at once, so a missing root shows up as a wrong result or a crash).
const SMALL_HEAP_PASS: Pass = Pass {
    name: "python (heapsize=150k, gcstress)",
    args: &["-X", "heapsize=150k", "-X", "gcstress"],
    features: &["files", "host"],
};

/// The Cortex-M4 firmware in QEMU: no host, a small heap; a `machine`
/// module (on simulated pins); files on its RAM disk (a test needing them
/// runs in `/tests/<its directory>`, with `tests/`'s packages copied).
const BOARD_PASS: Pass = Pass {
    name: "board (qemu mps2-an386)",
    args: &[],
    features: &["machine", "files"],
};
/// A test running longer than this on the board fails (QEMU runs the
/// firmware at roughly host speed; the slowest tests take a few seconds).
const BOARD_TIMEOUT: Duration = Duration::from_secs(20);

#[derive(Default, Clone, Copy)]
struct Tally {
    passed: usize,
    failed: usize,
    skipped: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.skipped += other.skipped;
    }

    fn line(&self, label: &str) -> String {
        let mut line = format!("{label}: {} passed, {} failed", self.passed, self.failed);
        if self.skipped > 0 {
            line.push_str(&format!(", {} skipped", self.skipped));
        }
        line
    }
}

pub fn run(args: &[String]) -> ExitCode {
    let mut quick = false;
    let mut board_only = false;
    let mut patterns = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--quick" => quick = true,
            "--board" => board_only = true,
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            option if option.starts_with('-') => {
                eprintln!("xtask test: unknown option `{option}`\n");
                eprint!("{USAGE}");
                return ExitCode::from(2);
            }
            pattern => patterns.push(pattern.to_string()),
        }
    }
    let root = crate::repo_root();
    if board_only {
        return run_board_only(&root, &patterns);
    }
    let mut total = Tally::default();

    header("[1/8] build: cargo build --release -p ferropy-unix");
    let ferropy = match ferropy_override() {
        Some(ferropy) => {
            println!(
                "skipped: FERROPY={} is tested instead",
                ferropy.to_string_lossy()
            );
            Some(ferropy)
        }
        None => {
            let built = build_ferropy(&root);
            if built.is_none() {
                total.failed += 1;
            }
            built
        }
    };

    header(&format!(
        "[2/8] no_std check: cargo build -p ferropy-core -p ferropy-capi --target {NO_STD_TARGET}"
    ));
    if quick {
        println!("skipped (--quick)");
    } else if !no_std_check(&root) {
        println!("no_std check: FAILED");
        total.failed += 1;
    }

    header("[3/8] Rust unit tests: cargo test --workspace --exclude xtask");
    let rust = rust_tests(&root, &patterns);
    println!("{}", rust.line("rust"));
    total.add(rust);

    let tests = collect_tests(&root, &patterns);
    header("[4/8] Python tests: ferropy");
    let suite = match ferropy {
        None => {
            println!("skipped: ferropy was not built");
            None
        }
        Some(ferropy) => match Suite::new(&tests, ferropy) {
            Ok(suite) => Some(suite),
            Err(why) => {
                println!("{why}");
                total.failed += 1;
                None
            }
        },
    };
    if let Some(suite) = &suite {
        total.add(suite.run_pass(&DEFAULT_PASS));
    }
    header("[5/8] Python tests: ferropy -X heapsize=150k -X gcstress");
    match &suite {
        _ if quick => println!("skipped (--quick)"),
        Some(suite) => total.add(suite.run_pass(&SMALL_HEAP_PASS)),
        None => println!("skipped: the Python suite cannot run"),
    }
    header("[6/8] Python tests on the board: qemu-system-arm -M mps2-an386 (ports/qemu-m4)");
    match &suite {
        _ if quick => println!("skipped (--quick)"),
        Some(suite) => total.add(board_pass(&root, suite, &patterns)),
        None => println!("skipped: the Python suite cannot run"),
    }

    header("[7/8] firmware build check: ports/metro-m4 (Metro M4 Express) and its UF2");
    if quick {
        println!("skipped (--quick)");
    } else {
        total.add(metro_check(&root));
    }

    header("[8/8] C API tests: tests/capi (extensions vs CPython, embedding), cython-examples, Cython run-tests (tests/cython/ci-tests.txt)");
    let capi = crate::capi::run_tests(&root, suite.as_ref().map(|s| &s.ferropy), &patterns);
    if capi.skipped > 0 {
        println!(
            "capi: {} passed, {} failed, {} skipped",
            capi.passed, capi.failed, capi.skipped
        );
    } else {
        println!("capi: {} passed, {} failed", capi.passed, capi.failed);
    }
    total.passed += capi.passed;
    total.failed += capi.failed;

    println!();
    println!("{} passed, {} failed", total.passed, total.failed);
    if total.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Step 7: the Metro M4 firmware builds (release), and its UF2 file is
/// well formed (magic numbers, addresses from 0x4000, SAMD51 family ID,
/// block count = image size). No board in CI: one test, a build check.
fn metro_check(root: &Path) -> Tally {
    match crate::uf2::build_and_convert(root) {
        Ok((_, uf2)) => {
            let len = std::fs::metadata(&uf2).map(|m| m.len()).unwrap_or(0);
            println!(
                "pass  {} ({} blocks)",
                uf2.strip_prefix(root).unwrap_or(&uf2).display(),
                len / 512
            );
            println!("      {}", crate::uf2::fit_line(len));
            Tally {
                passed: 1,
                ..Tally::default()
            }
        }
        Err(e) => {
            println!("FAIL  metro-m4 firmware: {e}");
            Tally {
                failed: 1,
                ..Tally::default()
            }
        }
    }
}

/// `cargo xtask test --board`: only the firmware pass.
fn run_board_only(root: &Path, patterns: &[String]) -> ExitCode {
    let tests = collect_tests(root, patterns);
    header("Python tests on the board: qemu-system-arm -M mps2-an386 (ports/qemu-m4)");
    let tally = match Suite::new(&tests, OsString::new()) {
        Ok(suite) => board_pass(root, &suite, patterns),
        Err(why) => {
            println!("{why}");
            Tally {
                failed: 1,
                ..Tally::default()
            }
        }
    };
    println!();
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn no_std_check(root: &Path) -> bool {
    if !target_installed(root) && find_in_path("rustup").is_some() {
        println!("installing the {NO_STD_TARGET} target: rustup target add {NO_STD_TARGET}");
        run_status(
            Command::new("rustup")
                .args(["target", "add", NO_STD_TARGET])
                .current_dir(root),
        );
    }
    // capi's compile-time layout assertions (capi/src/layout_check.rs)
    // check its C struct mirrors against clang's layout for this target.
    run_status(cargo(root).args([
        "build",
        "-p",
        "ferropy-core",
        "-p",
        "ferropy-capi",
        "--target",
        NO_STD_TARGET,
    ]))
}

/// Whether rustup reports the no_std target as installed (true when rustup
/// cannot tell: the build then says what is wrong).
fn target_installed(root: &Path) -> bool {
    match Command::new("rustup")
        .args(["target", "list", "--installed"])
        .current_dir(root)
        .stderr(Stdio::null())
        .output()
    {
        Ok(out) if out.status.success() => String::from_utf8_lossy(&out.stdout)
            .lines()
            .any(|line| line.trim() == NO_STD_TARGET),
        _ => true,
    }
}

/// Runs `cargo test`, echoing its output and adding up its `test result:` lines.
fn rust_tests(root: &Path, patterns: &[String]) -> Tally {
    let mut tally = Tally::default();
    let mut cmd = cargo(root);
    cmd.args(["test", "--workspace", "--exclude", "xtask"]);
    if !patterns.is_empty() {
        cmd.arg("--").args(patterns);
    }
    let mut child = match cmd.stdout(Stdio::piped()).spawn() {
        Ok(child) => child,
        Err(err) => {
            println!("cannot run cargo test: {err}");
            tally.failed += 1;
            return tally;
        }
    };
    let stdout = child.stdout.take().expect("stdout is piped");
    for line in BufReader::new(stdout).lines() {
        let Ok(line) = line else { break };
        println!("{line}");
        if let Some(rest) = line.trim_start().strip_prefix("test result:") {
            tally.passed += count_of(rest, "passed");
            tally.failed += count_of(rest, "failed");
            tally.skipped += count_of(rest, "ignored");
        }
    }
    let success = child.wait().map(|s| s.success()).unwrap_or(false);
    if !success && tally.failed == 0 {
        println!("cargo test failed before any test failed (a build error?)");
        tally.failed += 1;
    }
    tally
}

/// `count_of(" ok. 3 passed; 1 failed; ...", "failed") == 1`.
fn count_of(summary: &str, word: &str) -> usize {
    summary
        .split([';', '.'])
        .filter_map(|part| part.trim().strip_suffix(word))
        .filter_map(|n| n.trim().parse::<usize>().ok())
        .sum()
}

/// One Python test script.
struct TestCase {
    /// Path from the repository root, `/`-separated: `tests/basics/int_ops.py`.
    rel: String,
    /// Its directory: the working directory of a run.
    dir: PathBuf,
    /// Its file name: the interpreter's argument.
    file: OsString,
    /// `foo.py.exp`, when it exists.
    exp: Option<PathBuf>,
    /// Features from `# requires:`, or why they could not be read.
    requires: Result<Vec<String>, String>,
}

/// Every `tests/**/*.py` matching a pattern, sorted by path.
fn collect_tests(root: &Path, patterns: &[String]) -> Vec<TestCase> {
    let mut paths = Vec::new();
    walk(&root.join("tests"), &mut paths);
    let mut tests: Vec<TestCase> = paths
        .into_iter()
        .filter_map(|path| {
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            if !patterns.is_empty() && !patterns.iter().any(|p| rel.contains(p.as_str())) {
                return None;
            }
            let mut exp = path.clone().into_os_string();
            exp.push(".exp");
            let exp = PathBuf::from(exp);
            Some(TestCase {
                rel,
                dir: path.parent()?.to_path_buf(),
                file: path.file_name()?.to_os_string(),
                exp: exp.is_file().then_some(exp),
                requires: std::fs::read_to_string(&path)
                    .map_err(|err| format!("cannot read: {err}"))
                    .and_then(|source| parse_requires(&source)),
            })
        })
        .collect();
    tests.sort_by(|a, b| a.rel.cmp(&b.rel));
    tests
}

/// Collects `*.py` files, skipping directories named `pending`, starting with
/// `_` or `.`, and Python packages (directories with an `__init__.py`, which
/// are support code for import tests).
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if path.is_dir() {
            // tests/capi holds C API drivers, run by the C API step.
            let skipped = name == "pending"
                || (name == "capi" && path.parent().is_some_and(|p| p.ends_with("tests")))
                || name.starts_with('_')
                || name.starts_with('.')
                || path.join("__init__.py").exists();
            if !skipped {
                walk(&path, out);
            }
        } else if name.ends_with(".py") && path.is_file() {
            out.push(path);
        }
    }
}

/// Features from a `# requires: a b` line among the leading comment lines.
pub(crate) fn parse_requires(source: &str) -> Result<Vec<String>, String> {
    let mut features = Vec::new();
    for line in source.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some(comment) = line.strip_prefix('#') else {
            break;
        };
        let Some(list) = comment.trim_start().strip_prefix("requires:") else {
            continue;
        };
        for feature in list.split([' ', '\t', ',']).filter(|f| !f.is_empty()) {
            if let Some(module) = feature.strip_prefix("module:") {
                if module.is_empty() || !module.split('.').all(is_identifier) {
                    return Err(format!("bad module name in `{feature}` in `# requires:`"));
                }
            } else if !KNOWN_FEATURES.contains(&feature) {
                return Err(format!(
                    "unknown feature `{feature}` in `# requires:` (known: {}, module:NAME)",
                    KNOWN_FEATURES.join(", ")
                ));
            }
            features.push(feature.to_string());
        }
    }
    Ok(features)
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c == '_' || c.is_ascii_alphabetic())
        && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

/// The features of `requires` that a target lacks: those not in `features`,
/// and the `module:NAME`s whose module is not in `modules` (`None`: the
/// target has every module, as the host build does).
fn missing_features<'a>(
    requires: &'a [String],
    features: &[&str],
    modules: Option<&[String]>,
) -> Vec<&'a str> {
    requires
        .iter()
        .map(String::as_str)
        .filter(|f| match f.strip_prefix("module:") {
            Some(m) => modules.is_some_and(|mods| !mods.iter().any(|n| n == m)),
            None => !features.contains(f),
        })
        .collect()
}

/// What a test must print and how it must exit.
struct Expected {
    stdout: Vec<u8>,
    exit: Exit,
}

enum Outcome {
    Pass,
    Skip(String),
    Fail(String),
}

/// The selected tests, the interpreters, and CPython's outputs (computed once,
/// shared by both passes).
struct Suite<'a> {
    tests: &'a [TestCase],
    expected: Vec<OnceLock<Result<Expected, String>>>,
    cpython: Option<OsString>,
    ferropy: OsString,
}

impl<'a> Suite<'a> {
    /// Finds CPython 3.11 when some test has no `.exp` file; refuses otherwise.
    fn new(tests: &'a [TestCase], ferropy: OsString) -> Result<Suite<'a>, String> {
        let cpython = if tests.iter().any(|t| t.exp.is_none()) {
            let python =
                cpython().map_err(|err| format!("refusing to run the Python suite: {err}"))?;
            println!(
                "expected outputs from CPython: {}",
                python.to_string_lossy()
            );
            Some(python)
        } else {
            None
        };
        Ok(Suite {
            tests,
            expected: tests.iter().map(|_| OnceLock::new()).collect(),
            cpython,
            ferropy,
        })
    }

    /// Runs every test with `WORKERS` threads, printing results in path order.
    fn run_pass(&self, pass: &Pass) -> Tally {
        let count = self.tests.len();
        let next = AtomicUsize::new(0);
        let mut tally = Tally::default();
        let (sender, receiver) = mpsc::channel();
        thread::scope(|scope| {
            for _ in 0..WORKERS {
                let sender = sender.clone();
                let next = &next;
                scope.spawn(move || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= count || sender.send((i, self.run_one(i, pass))).is_err() {
                        break;
                    }
                });
            }
            drop(sender);
            let mut done: Vec<Option<Outcome>> = (0..count).map(|_| None).collect();
            let mut printed = 0;
            for (i, outcome) in receiver {
                done[i] = Some(outcome);
                while let Some(outcome) = done.get_mut(printed).and_then(Option::take) {
                    let rel = &self.tests[printed].rel;
                    match outcome {
                        Outcome::Pass => {
                            tally.passed += 1;
                            println!("pass  {rel}");
                        }
                        Outcome::Skip(why) => {
                            tally.skipped += 1;
                            println!("skip  {rel} ({why})");
                        }
                        Outcome::Fail(details) => {
                            tally.failed += 1;
                            println!("FAIL  {rel}");
                            print!("{details}");
                        }
                    }
                    printed += 1;
                }
            }
        });
        println!("{}", tally.line(pass.name));
        tally
    }

    fn run_one(&self, i: usize, pass: &Pass) -> Outcome {
        let test = &self.tests[i];
        let requires = match &test.requires {
            Ok(features) => features,
            Err(err) => return Outcome::Fail(format!("      {err}\n")),
        };
        let missing = missing_features(requires, pass.features, None);
        if !missing.is_empty() {
            return Outcome::Skip(format!("requires {}", missing.join(" ")));
        }
        let expected = match self.expected[i].get_or_init(|| self.expected_output(test)) {
            Ok(expected) => expected,
            Err(err) => return Outcome::Fail(format!("      {err}\n")),
        };
        let mut cmd = Command::new(&self.ferropy);
        cmd.args(pass.args).arg(&test.file);
        let actual = match run_captured(python_env(&mut cmd, &test.dir), Some(TIMEOUT)) {
            Ok(actual) => actual,
            Err(err) => {
                return Outcome::Fail(format!(
                    "      cannot run {}: {err}\n",
                    self.ferropy.to_string_lossy()
                ))
            }
        };
        if actual.exit == expected.exit && actual.stdout == expected.stdout {
            return Outcome::Pass;
        }
        let mut details = String::new();
        if actual.exit == Exit::Timeout {
            details.push_str(&format!("      timed out after {} s\n", TIMEOUT.as_secs()));
        } else if actual.exit != expected.exit {
            details.push_str(&format!(
                "      expected {}, got {}\n",
                expected.exit, actual.exit
            ));
        }
        if actual.stdout != expected.stdout {
            details.push_str(&diff::unified(
                &String::from_utf8_lossy(&expected.stdout),
                &String::from_utf8_lossy(&actual.stdout),
                DIFF_LINES,
                "      ",
            ));
        }
        let stderr = String::from_utf8_lossy(&actual.stderr);
        let lines: Vec<&str> = stderr.lines().collect();
        if !lines.is_empty() {
            details.push_str("      stderr:\n");
            for line in &lines[lines.len().saturating_sub(STDERR_LINES)..] {
                details.push_str(&format!("      | {line}\n"));
            }
        }
        Outcome::Fail(details)
    }

    /// The `.exp` file (with exit status 0), or what CPython does.
    fn expected_output(&self, test: &TestCase) -> Result<Expected, String> {
        if let Some(exp) = &test.exp {
            let stdout = std::fs::read(exp)
                .map_err(|err| format!("cannot read {}: {err}", exp.display()))?;
            return Ok(Expected {
                stdout,
                exit: Exit::Code(0),
            });
        }
        let python = self.cpython.as_ref().expect("CPython was found");
        let mut cmd = Command::new(python);
        cmd.arg(&test.file);
        let run = run_captured(python_env(&mut cmd, &test.dir), Some(TIMEOUT))
            .map_err(|err| format!("cannot run CPython: {err}"))?;
        if run.exit == Exit::Timeout {
            return Err(format!(
                "CPython timed out after {} s: fix the test",
                TIMEOUT.as_secs()
            ));
        }
        Ok(Expected {
            stdout: run.stdout,
            exit: run.exit,
        })
    }
}

/// The budgeted firmware configuration (`cargo xtask size` checks its
/// image): `[package.metadata.ferropy.minimal]` of ports/qemu-m4/Cargo.toml.
/// Tests needing a module it leaves out declare `# requires: module:NAME`.
pub const MINIMAL_CONFIG: &str = "minimal";

const BOARD_MINIMAL_PASS: Pass = Pass {
    name: "board (qemu mps2-an386, minimal configuration)",
    args: &[],
    features: &["machine"],
};

/// Builds the firmware and runs the suite on it (one QEMU, one test after
/// another, soft reset between tests): the test firmware, then the drivers
/// of the C extensions linked into it (`board::run_ext_tests`), then the
/// budgeted (minimal) configuration.
fn board_pass(root: &Path, suite: &Suite, patterns: &[String]) -> Tally {
    let failed = Tally {
        failed: 1,
        ..Tally::default()
    };
    if find_in_path(board::QEMU).is_none() {
        println!("{} not found (run .ci/setup)", board::QEMU);
        println!("{}", failed.line(BOARD_PASS.name));
        return failed;
    }
    let mut total = Tally::default();
    for (config, pass) in [
        (None, &BOARD_PASS),
        (Some(MINIMAL_CONFIG), &BOARD_MINIMAL_PASS),
    ] {
        let Some(firmware) = board::build_firmware_config(root, config) else {
            println!("{}", failed.line(pass.name));
            total.add(failed);
            continue;
        };
        total.add(suite.run_board_pass(&firmware, pass));
        if config.is_none() && pass.features.contains(&"files") {
            let what = "board: main.py from the filesystem runs at a soft reset";
            match board::check_main_py(&firmware) {
                Ok(()) => {
                    println!("pass  {what}");
                    total.passed += 1;
                }
                Err(err) => {
                    println!("FAIL  {what}\n      {err}");
                    total.failed += 1;
                }
            }
        }
        if config.is_none() {
            let ext = board::run_ext_tests(
                root,
                &firmware,
                patterns,
                BOARD_PASS.features,
                BOARD_TIMEOUT,
            );
            let ext = Tally {
                passed: ext.passed,
                failed: ext.failed,
                skipped: ext.skipped,
            };
            println!(
                "{}",
                ext.line("board: C extensions (cython-examples, tests/capi)")
            );
            total.add(ext);
        }
    }
    total
}

impl Suite<'_> {
    fn run_board_pass(&self, firmware: &Path, pass: &Pass) -> Tally {
        let mut tally = Tally::default();
        // What the image has, asked once (tests declare `module:NAME`).
        let modules = match Board::start(firmware).and_then(|mut b| b.modules()) {
            Ok(modules) => modules,
            Err(err) => {
                println!("FAIL  {}: {err}", pass.name);
                tally.failed += 1;
                println!("{}", tally.line(pass.name));
                return tally;
            }
        };
        let mut board: Option<Board> = None;
        for (i, test) in self.tests.iter().enumerate() {
            let outcome = self.run_on_board(i, pass, firmware, &modules, &mut board);
            let rel = &test.rel;
            match outcome {
                Outcome::Pass => {
                    tally.passed += 1;
                    println!("pass  {rel}");
                }
                Outcome::Skip(why) => {
                    tally.skipped += 1;
                    println!("skip  {rel} ({why})");
                }
                Outcome::Fail(details) => {
                    tally.failed += 1;
                    println!("FAIL  {rel}");
                    print!("{details}");
                }
            }
        }
        println!("{}", tally.line(pass.name));
        tally
    }

    fn run_on_board(
        &self,
        i: usize,
        pass: &Pass,
        firmware: &Path,
        modules: &[String],
        board: &mut Option<Board>,
    ) -> Outcome {
        let test = &self.tests[i];
        let requires = match &test.requires {
            Ok(features) => features,
            Err(err) => return Outcome::Fail(format!("      {err}\n")),
        };
        let missing = missing_features(requires, pass.features, Some(modules));
        if !missing.is_empty() {
            return Outcome::Skip(format!("requires {}", missing.join(" ")));
        }
        let program = match std::fs::read(test.dir.join(&test.file)) {
            Ok(program) => program,
            Err(err) => return Outcome::Fail(format!("      cannot read: {err}\n")),
        };
        if board::has_control_bytes(&program) {
            return Outcome::Fail(
                "      the source contains bytes 0x01-0x05 (raw REPL commands)\n".into(),
            );
        }
        let expected = match self.expected[i].get_or_init(|| self.expected_output(test)) {
            Ok(expected) => expected,
            Err(err) => return Outcome::Fail(format!("      {err}\n")),
        };
        if board.is_none() {
            match Board::start(firmware) {
                Ok(b) => *board = Some(b),
                Err(err) => return Outcome::Fail(format!("      {err}\n")),
            }
        }
        let b = board.as_mut().expect("started above");
        if requires.iter().any(|f| f == "files") {
            // The test runs in /tests/<its directory> of the board's disk.
            let dir = test.rel.rsplit_once('/').map_or("", |(d, _)| d);
            let depth = dir.split('/').count();
            let Some(repo) = test.dir.ancestors().nth(depth) else {
                return Outcome::Fail(format!(
                    "      no repository above {}\n",
                    test.dir.display()
                ));
            };
            if let Err(err) = b.enter_test_dir(&repo.join("tests"), dir) {
                *board = None;
                return Outcome::Fail(format!("      {err}\n"));
            }
        }
        let run = b.exec(&program, BOARD_TIMEOUT);
        // A fresh interpreter for the next test; a board that does not come
        // back is restarted.
        let reset_ok = run.is_ok() || matches!(run, Err(BoardError::Timeout(_)));
        if !(reset_ok && b.soft_reset().is_ok()) {
            *board = None;
        }
        let run = match run {
            Ok(run) => run,
            Err(BoardError::Timeout(out)) => {
                return Outcome::Fail(format!(
                    "      timed out after {} s\n{}",
                    BOARD_TIMEOUT.as_secs(),
                    tail_lines("output", &out)
                ))
            }
            Err(BoardError::Broken(why, out)) => {
                return Outcome::Fail(format!("      {why}\n{}", tail_lines("output", &out)))
            }
        };
        let exit = Exit::Code(run.status);
        if exit == expected.exit && run.stdout == expected.stdout {
            return Outcome::Pass;
        }
        let mut details = String::new();
        if exit != expected.exit {
            details.push_str(&format!("      expected {}, got {}\n", expected.exit, exit));
        }
        if run.stdout != expected.stdout {
            details.push_str(&diff::unified(
                &String::from_utf8_lossy(&expected.stdout),
                &String::from_utf8_lossy(&run.stdout),
                DIFF_LINES,
                "      ",
            ));
        }
        details.push_str(&tail_lines("stderr", &run.stderr));
        Outcome::Fail(details)
    }
}

/// The last lines of some output, indented, under a label (empty if none).
fn tail_lines(label: &str, bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().collect();
    if lines.is_empty() {
        return String::new();
    }
    let mut out = format!("      {label}:\n");
    for line in &lines[lines.len().saturating_sub(STDERR_LINES)..] {
        out.push_str(&format!("      | {line}\n"));
    }
    out
}

/// Sets the working directory and environment shared by all Python runs.
fn python_env<'c>(cmd: &'c mut Command, dir: &Path) -> &'c mut Command {
    cmd.current_dir(dir)
        .envs(PYTHON_ENV)
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONSTARTUP")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_test_result_lines() {
        let line =
            " ok. 12 passed; 3 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s";
        assert_eq!(count_of(line, "passed"), 12);
        assert_eq!(count_of(line, "failed"), 3);
        assert_eq!(count_of(line, "ignored"), 1);
    }

    #[test]
    fn reads_requires_line() {
        let src = "#!/usr/bin/env python3\n# requires: files bigheap\nprint(1)\n";
        assert_eq!(parse_requires(src).unwrap(), ["files", "bigheap"]);
        assert!(parse_requires("print(1)\n# requires: files\n")
            .unwrap()
            .is_empty());
        assert!(parse_requires("# requires: wifi\n").is_err());
    }

    #[test]
    fn module_requirements() {
        let req = parse_requires("# requires: files module:re module:unittest.case\n").unwrap();
        assert_eq!(req, ["files", "module:re", "module:unittest.case"]);
        assert!(parse_requires("# requires: module:\n").is_err());
        assert!(parse_requires("# requires: module:1re\n").is_err());
        assert!(parse_requires("# requires: module:a..b\n").is_err());
        let board: Vec<String> = ["sys", "re"].iter().map(|s| s.to_string()).collect();
        // The host has every module; a board the ones it reports.
        assert_eq!(missing_features(&req, &["files"], None), Vec::<&str>::new());
        assert_eq!(
            missing_features(&req, &["machine"], Some(&board)),
            ["files", "module:unittest.case"]
        );
    }
}
