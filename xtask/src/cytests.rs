//! Cython's own run-tests as a conformance suite:
//! `cargo xtask cython-tests [--list FILE] [--limit N] [--cpython] [-v] [PATTERN...]`.
//!
//! The Cython 3.3.1 sdist is downloaded from PyPI into
//! `target/cython-tests/` (`pip download`), its `tests/run` and
//! `tests/testsupport` are unpacked there. Each module of the list
//! (default `tests/cython/open-tests.txt`) is translated with the installed
//! Cython (language_level 3, `autotestdict=False` as Cython's runtests
//! does; a module that does not translate is skipped), compiled against
//! `include/` (or, with `--cpython`, against CPython's headers in
//! Limited-API mode) and its doctests are run by
//! `tests/cython/doctest_runner.py` inside the interpreter. A module passes
//! when it imports and every example passes.
//!
//! The C API step of `cargo xtask test` runs the modules listed in
//! `tests/cython/ci-tests.txt` the same way ([`run_ci`]).

use crate::capi::{cpython_include, Counts};
use crate::proc::{run_captured, Exit};
use crate::{header, target_dir};
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

pub const CYTHON_VERSION: &str = "3.3.1";
const TIMEOUT: Duration = Duration::from_secs(60);
const WORKERS: usize = 2;

const USAGE: &str = "\
usage: cargo xtask cython-tests [--list FILE] [--limit N] [--cpython] [-j N] [-v] [PATTERN...]
  --list FILE   module list (default tests/cython/open-tests.txt)
  --limit N     run only the first N selected modules
  --cpython     run under CPython 3.11 (modules built in Limited-API mode)
  -j N          parallel jobs (default 2)
  -v            print each failing module's doctest report
  PATTERN       run modules whose file name contains one of the substrings
";

/// Outcome of one module.
#[derive(Clone, Debug)]
enum Outcome {
    /// Imported and every example passed.
    Pass { examples: usize },
    /// Failed: a one-line reason, examples passed / total when it imported.
    Fail {
        reason: String,
        passed: usize,
        examples: usize,
    },
    /// Cython did not translate it.
    Skip(String),
}

struct ModuleResult {
    name: String,
    outcome: Outcome,
    /// Full runner output (stdout + stderr tail) for failures.
    log: String,
    /// The built `.so` (for the missing-symbol report).
    so: Option<PathBuf>,
}

/// Where the interpreter under test comes from.
#[derive(Clone)]
pub struct Interp {
    pub program: OsString,
    pub cpython: bool,
}

/// Everything a worker needs.
struct Ctx {
    run_dir: PathBuf,
    support_dir: PathBuf,
    build_dir: PathBuf,
    so_dir: PathBuf,
    include: PathBuf,
    limited_api: bool,
    runner: PathBuf,
    interp: Interp,
    headers_mtime: SystemTime,
}

fn mtime(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// Newest modification time of the files in `dir` (recursively).
fn newest_in(dir: &Path) -> SystemTime {
    let mut newest = SystemTime::UNIX_EPOCH;
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            let t = if p.is_dir() {
                newest_in(&p)
            } else {
                mtime(&p).unwrap_or(SystemTime::UNIX_EPOCH)
            };
            newest = newest.max(t);
        }
    }
    newest
}

/// Downloads (once) and unpacks the Cython sdist; returns its `tests/` dir.
pub fn fetch_sdist(root: &Path) -> Result<PathBuf, String> {
    let dir = target_dir(root).join("cython-tests");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let tarball = dir.join(format!("cython-{CYTHON_VERSION}.tar.gz"));
    let tests = dir.join(format!("cython-{CYTHON_VERSION}/tests"));
    if tests.join("run").is_dir() && tests.join("testsupport").is_dir() {
        return Ok(tests);
    }
    if !tarball.is_file() {
        println!("downloading the Cython {CYTHON_VERSION} sdist from PyPI (pip download)");
        let out = Command::new("python3")
            .args(["-m", "pip", "download", "--no-binary", ":all:", "--no-deps"])
            .arg(format!("cython=={CYTHON_VERSION}"))
            .arg("-d")
            .arg(&dir)
            .output()
            .map_err(|e| format!("cannot run python3 -m pip: {e}"))?;
        if !out.status.success() || !tarball.is_file() {
            return Err(format!(
                "pip download cython=={CYTHON_VERSION} failed:\n{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    let prefix = format!("cython-{CYTHON_VERSION}/tests");
    let out = Command::new("tar")
        .arg("xzf")
        .arg(&tarball)
        .arg("-C")
        .arg(&dir)
        .arg(format!("{prefix}/run"))
        .arg(format!("{prefix}/testsupport"))
        .output()
        .map_err(|e| format!("cannot run tar: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "unpacking {} failed:\n{}",
            tarball.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(tests)
}

/// Module names of a list file (one file name per line, `#` comments).
fn read_list(path: &Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}

fn stem_of(file: &str) -> String {
    Path::new(file)
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// Translate (cached) and compile (cached) one module.
fn build_one(ctx: &Ctx, file: &str) -> Result<PathBuf, Outcome> {
    let src = ctx.run_dir.join(file);
    let name = stem_of(file);
    if !src.is_file() {
        return Err(Outcome::Fail {
            reason: format!("{file} is not in the sdist's tests/run"),
            passed: 0,
            examples: 0,
        });
    }
    let c = ctx.build_dir.join(format!("{name}.c"));
    let skipped = ctx.build_dir.join(format!("{name}.skip"));
    let fresh = |out: &Path, input: &Path| match (mtime(out), mtime(input)) {
        (Some(o), Some(i)) => o >= i,
        _ => false,
    };
    if fresh(&skipped, &src) {
        let why = std::fs::read_to_string(&skipped).unwrap_or_default();
        return Err(Outcome::Skip(why));
    }
    if !fresh(&c, &src) {
        let out = Command::new("python3")
            .args(["-m", "cython", "-3", "-X", "autotestdict=False", "-I"])
            .arg(&ctx.support_dir)
            .arg("-I")
            .arg(&ctx.run_dir)
            .arg(&src)
            .arg("-o")
            .arg(&c)
            .current_dir(&ctx.build_dir)
            .output();
        match out {
            Ok(o) if o.status.success() && c.is_file() => {}
            Ok(o) => {
                let _ = std::fs::remove_file(&c);
                let err = String::from_utf8_lossy(&o.stderr);
                let why = err
                    .lines()
                    .find(|l| l.contains(".py") && l.contains(':'))
                    .or_else(|| err.lines().last())
                    .unwrap_or("cython failed")
                    .to_string();
                let _ = std::fs::write(&skipped, &why);
                return Err(Outcome::Skip(why));
            }
            Err(e) => {
                return Err(Outcome::Fail {
                    reason: format!("cannot run python3 -m cython: {e}"),
                    passed: 0,
                    examples: 0,
                })
            }
        }
    }
    let so = ctx.so_dir.join(format!("{name}.so"));
    let so_fresh = fresh(&so, &c) && mtime(&so).is_some_and(|t| t >= ctx.headers_mtime);
    if !so_fresh {
        let mut cmd = Command::new(std::env::var_os("CC").unwrap_or_else(|| "cc".into()));
        cmd.args(["-shared", "-fPIC", "-O0", "-w"]);
        if ctx.limited_api {
            cmd.arg("-DPy_LIMITED_API=0x030B0000");
        }
        cmd.arg("-I")
            .arg(&ctx.include)
            .arg("-I")
            .arg(&ctx.run_dir)
            .arg("-o")
            .arg(&so)
            .arg(&c)
            .arg("-lm");
        match cmd.output() {
            Ok(o) if o.status.success() => {}
            Ok(o) => {
                let _ = std::fs::remove_file(&so);
                let err = String::from_utf8_lossy(&o.stderr);
                let first = err
                    .lines()
                    .find(|l| l.contains("error"))
                    .unwrap_or("C compiler failed");
                return Err(Outcome::Fail {
                    reason: format!("does not compile: {first}"),
                    passed: 0,
                    examples: 0,
                });
            }
            Err(e) => {
                return Err(Outcome::Fail {
                    reason: format!("cannot run the C compiler: {e}"),
                    passed: 0,
                    examples: 0,
                })
            }
        }
    }
    Ok(so)
}

/// Parses the runner's `DOCTEST name examples=N passed=P failed=F ...` line.
fn parse_summary(out: &str) -> Option<(usize, usize, usize, bool)> {
    let line = out.lines().rev().find(|l| l.starts_with("DOCTEST "))?;
    let field = |k: &str| -> usize {
        line.split_whitespace()
            .find_map(|w| w.strip_prefix(k))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    Some((
        field("examples="),
        field("passed="),
        field("failed="),
        line.contains("import=failed"),
    ))
}

fn run_one(ctx: &Ctx, file: &str) -> ModuleResult {
    let name = stem_of(file);
    let so = match build_one(ctx, file) {
        Ok(so) => so,
        Err(outcome) => {
            return ModuleResult {
                name,
                outcome,
                log: String::new(),
                so: None,
            }
        }
    };
    let mut cmd = Command::new(&ctx.interp.program);
    cmd.arg(&ctx.runner)
        .arg(&name)
        .current_dir(&ctx.so_dir)
        .envs(crate::test::PYTHON_ENV)
        .env_remove("PYTHONPATH")
        .env_remove("FERROPYPATH");
    let (outcome, log) = match run_captured(&mut cmd, Some(TIMEOUT)) {
        Err(e) => (
            Outcome::Fail {
                reason: format!("cannot run: {e}"),
                passed: 0,
                examples: 0,
            },
            String::new(),
        ),
        Ok(o) => {
            let stdout = String::from_utf8_lossy(&o.stdout).into_owned();
            let stderr = String::from_utf8_lossy(&o.stderr).into_owned();
            let tail: Vec<&str> = stderr
                .lines()
                .filter(|l| {
                    !l.starts_with("RuntimeWarning: Code object creation failed")
                        && !l.starts_with("Try recompiling with a more recent")
                })
                .collect();
            let log = format!(
                "{stdout}{}",
                if tail.is_empty() {
                    String::new()
                } else {
                    format!(
                        "--- stderr (last lines) ---\n{}\n",
                        tail[tail.len().saturating_sub(15)..].join("\n")
                    )
                }
            );
            let summary = parse_summary(&stdout);
            let outcome = match (o.exit, summary) {
                (Exit::Code(0), Some((examples, _, 0, false))) => Outcome::Pass { examples },
                (Exit::Code(_), Some((examples, passed, failed, import_failed))) => {
                    let reason = if import_failed {
                        stdout
                            .lines()
                            .find_map(|l| l.strip_prefix("IMPORT-ERROR "))
                            .map(|l| format!("import: {l}"))
                            .unwrap_or_else(|| "import failed".into())
                    } else {
                        format!("{failed} of {examples} examples failed")
                    };
                    Outcome::Fail {
                        reason,
                        passed,
                        examples,
                    }
                }
                (exit, _) => {
                    let last = tail
                        .iter()
                        .rev()
                        .find(|l| !l.trim().is_empty())
                        .map(|l| format!(": {}", l.trim()))
                        .unwrap_or_default();
                    let last: String = last.chars().take(200).collect();
                    Outcome::Fail {
                        reason: format!("crashed ({exit}){last}"),
                        passed: 0,
                        examples: 0,
                    }
                }
            };
            (outcome, log)
        }
    };
    ModuleResult {
        name,
        outcome,
        log,
        so: Some(so),
    }
}

/// Builds and runs `files` in parallel; prints one line per module.
fn run_modules(
    root: &Path,
    tests_dir: &Path,
    files: &[String],
    interp: &Interp,
    jobs: usize,
    verbose: bool,
) -> Result<Vec<ModuleResult>, String> {
    let base = target_dir(root).join("cython-tests");
    let tag = if interp.cpython { "cpython" } else { "ferropy" };
    let build_dir = base.join("build");
    let so_dir = base.join(tag);
    for d in [&build_dir, &so_dir] {
        std::fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    let (include, limited_api) = if interp.cpython {
        let inc = cpython_include(&interp.program)
            .ok_or_else(|| "CPython's headers (Python.h) were not found".to_string())?;
        (inc, true)
    } else {
        (root.join("include"), false)
    };
    let headers_mtime = newest_in(&include);
    let ctx = Ctx {
        run_dir: tests_dir.join("run"),
        support_dir: tests_dir.join("testsupport"),
        build_dir,
        so_dir,
        include,
        limited_api,
        runner: root.join("tests/cython/doctest_runner.py"),
        interp: interp.clone(),
        headers_mtime,
    };
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, ModuleResult)>> = Mutex::new(Vec::new());
    let print_lock = Mutex::new(());
    std::thread::scope(|s| {
        for _ in 0..jobs.max(1) {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(file) = files.get(i) else { break };
                let r = run_one(&ctx, file);
                {
                    let _g = print_lock.lock().unwrap_or_else(|e| e.into_inner());
                    match &r.outcome {
                        Outcome::Pass { examples } => {
                            println!("pass  {file} ({examples} examples)")
                        }
                        Outcome::Fail {
                            reason,
                            passed,
                            examples,
                        } => {
                            if *examples > 0 {
                                println!("FAIL  {file}: {reason} ({passed}/{examples} passed)");
                            } else {
                                println!("FAIL  {file}: {reason}");
                            }
                            if verbose && !r.log.is_empty() {
                                for l in r.log.lines().take(80) {
                                    println!("      | {l}");
                                }
                            }
                        }
                        Outcome::Skip(why) => println!("skip  {file}: does not translate: {why}"),
                    }
                }
                results
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((i, r));
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.sort_by_key(|(i, _)| *i);
    // Keep the logs of failures for later reading.
    let logs = base.join(format!("logs-{tag}"));
    let _ = std::fs::create_dir_all(&logs);
    for (_, r) in &results {
        if matches!(r.outcome, Outcome::Fail { .. }) {
            let _ = std::fs::write(logs.join(format!("{}.txt", r.name)), &r.log);
        }
    }
    Ok(results.into_iter().map(|(_, r)| r).collect())
}

/// `Py*` symbols a shared object needs (`nm -D -u`).
fn undefined_py_symbols(so: &Path) -> Vec<String> {
    let Ok(out) = Command::new("nm").arg("-D").arg("-u").arg(so).output() else {
        return Vec::new();
    };
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_whitespace().last())
        .filter(|s| s.starts_with("Py") || s.starts_with("_Py"))
        .map(|s| s.split('@').next().unwrap_or(s).to_string())
        .collect()
}

/// Symbols the interpreter binary exports (`nm -D --defined-only`).
fn exported_symbols(binary: &Path) -> Option<std::collections::BTreeSet<String>> {
    let out = Command::new("nm")
        .arg("-D")
        .arg("--defined-only")
        .arg(binary)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    Some(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter_map(|l| l.split_whitespace().last())
            .map(|s| s.split('@').next().unwrap_or(s).to_string())
            .collect(),
    )
}

/// Prints the summary; returns (modules passed, failed).
fn summarise(results: &[ModuleResult], interp: &Interp, elapsed: Duration) -> (usize, usize) {
    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    let (mut ex_total, mut ex_passed) = (0, 0);
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    for r in results {
        match &r.outcome {
            Outcome::Pass { examples } => {
                passed += 1;
                ex_total += examples;
                ex_passed += examples;
            }
            Outcome::Fail {
                reason,
                passed: p,
                examples,
            } => {
                failed += 1;
                ex_total += examples;
                ex_passed += p;
                // Group by the reason without its details.
                let key = if reason.contains("examples failed") {
                    "some examples failed".to_string()
                } else {
                    reason.chars().take(110).collect()
                };
                *reasons.entry(key).or_default() += 1;
            }
            Outcome::Skip(_) => skipped += 1,
        }
    }
    println!();
    let who = if interp.cpython { "CPython" } else { "ferropy" };
    println!(
        "cython-tests ({who}): {passed} passed, {failed} failed, {skipped} skipped (does not translate) \
         by module; examples: {ex_passed} of {ex_total} passed; {:.0?}",
        elapsed
    );
    let mut reasons: Vec<(String, usize)> = reasons.into_iter().collect();
    reasons.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    if !reasons.is_empty() {
        println!("\nmost common failure reasons (modules):");
        for (r, n) in reasons.iter().take(25) {
            println!("  {n:4}  {r}");
        }
    }
    if !interp.cpython {
        let exported = crate::find_in_path(&interp.program.to_string_lossy())
            .or_else(|| Some(PathBuf::from(&interp.program)))
            .and_then(|p| exported_symbols(&p));
        if let Some(exported) = exported {
            let mut missing: BTreeMap<String, usize> = BTreeMap::new();
            for r in results {
                if let (Outcome::Fail { .. }, Some(so)) = (&r.outcome, &r.so) {
                    for s in undefined_py_symbols(so) {
                        if !exported.contains(&s) {
                            *missing.entry(s).or_default() += 1;
                        }
                    }
                }
            }
            let mut missing: Vec<(String, usize)> = missing.into_iter().collect();
            missing.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            if missing.is_empty() {
                println!("\nno missing C symbols in the failing modules");
            } else {
                println!("\nmissing C symbols (number of failing modules that need each):");
                for (s, n) in &missing {
                    println!("  {n:4}  {s}");
                }
            }
        }
    }
    (passed, failed)
}

/// `cargo xtask cython-tests ...`.
pub fn run(args: &[String]) -> ExitCode {
    let root = crate::repo_root();
    let mut list = root.join("tests/cython/open-tests.txt");
    let mut limit = None;
    let mut cpython = false;
    let mut jobs = WORKERS;
    let mut verbose = false;
    let mut patterns = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--list" => match it.next() {
                Some(f) => list = PathBuf::from(f),
                None => return usage(),
            },
            "--limit" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => limit = Some(n),
                None => return usage(),
            },
            "-j" => match it.next().and_then(|n| n.parse().ok()) {
                Some(n) => jobs = n,
                None => return usage(),
            },
            "--cpython" => cpython = true,
            "-v" => verbose = true,
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with('-') => return usage(),
            s => patterns.push(s.to_string()),
        }
    }
    let interp = if cpython {
        match crate::cpython() {
            Ok(p) => Interp {
                program: p,
                cpython: true,
            },
            Err(e) => {
                eprintln!("xtask cython-tests: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        let program = if let Some(f) = crate::ferropy_override() {
            f
        } else {
            header("cargo build --release -p ferropy-unix");
            match crate::build_ferropy(&root) {
                Some(f) => f,
                None => return ExitCode::FAILURE,
            }
        };
        Interp {
            program,
            cpython: false,
        }
    };
    let files = match read_list(&list) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("xtask cython-tests: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut files: Vec<String> = files
        .into_iter()
        .filter(|f| patterns.is_empty() || patterns.iter().any(|p| f.contains(p.as_str())))
        .collect();
    if let Some(n) = limit {
        files.truncate(n);
    }
    match run_suite(&root, &files, &interp, jobs, verbose) {
        Ok((_, 0)) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            println!("FAIL  cython-tests: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage() -> ExitCode {
    eprint!("{USAGE}");
    ExitCode::from(2)
}

/// Checks Cython, fetches the sdist, runs and summarises `files`.
fn run_suite(
    root: &Path,
    files: &[String],
    interp: &Interp,
    jobs: usize,
    verbose: bool,
) -> Result<(usize, usize), String> {
    match crate::cython::cython_version() {
        Some(v) if v == CYTHON_VERSION => {}
        Some(v) => {
            return Err(format!(
                "Cython {v} is installed, the suite needs {CYTHON_VERSION} (bash .ci/setup)"
            ))
        }
        None => return Err("Cython is not installed (bash .ci/setup installs it)".into()),
    }
    let tests = fetch_sdist(root)?;
    header(&format!(
        "Cython {CYTHON_VERSION} tests/run: {} modules on {}",
        files.len(),
        interp.program.to_string_lossy()
    ));
    let start = Instant::now();
    let results = run_modules(root, &tests, files, interp, jobs, verbose)?;
    Ok(summarise(&results, interp, start.elapsed()))
}

/// The Cython part of `cargo xtask test` (C API step): the modules of
/// `tests/cython/ci-tests.txt` on ferropy; every failure counts.
pub fn run_ci(root: &Path, ferropy: &OsString, patterns: &[String], c: &mut Counts) {
    let list = root.join("tests/cython/ci-tests.txt");
    let files = match read_list(&list) {
        Ok(f) => f,
        Err(e) => {
            println!("FAIL  cython-tests: {e}");
            c.failed += 1;
            return;
        }
    };
    let files: Vec<String> = files
        .into_iter()
        .filter(|f| {
            patterns.is_empty()
                || patterns
                    .iter()
                    .any(|p| format!("cython-tests/{f}").contains(p.as_str()))
        })
        .collect();
    if files.is_empty() {
        return;
    }
    let interp = Interp {
        program: ferropy.clone(),
        cpython: false,
    };
    match run_suite(root, &files, &interp, WORKERS, true) {
        Ok((passed, failed)) => {
            c.passed += passed;
            c.failed += failed;
        }
        Err(e) => {
            println!("FAIL  cython-tests: {e}");
            c.failed += 1;
        }
    }
}
