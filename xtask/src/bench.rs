//! `cargo xtask bench`: wall time (and, with valgrind, instruction counts) of
//! every `bench/*.py` under ferropy and CPython. Reports only; asserts nothing.

use crate::proc::{run_captured, Captured, Exit};
use crate::test::PYTHON_ENV;
use crate::{build_ferropy, cpython, ferropy_override, find_in_path, header};
use std::ffi::{OsStr, OsString};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Duration;

const USAGE: &str = "\
usage: cargo xtask bench [--quick] [--no-valgrind] [PATTERN...]

  --quick        time one run of each benchmark instead of the best of 3
  --no-valgrind  skip the callgrind instruction counts (slow: ~50x run time)
  PATTERN        run only benchmarks whose file name contains the substring
";

const RUN_TIMEOUT: Duration = Duration::from_secs(300);
const VALGRIND_TIMEOUT: Duration = Duration::from_secs(3600);

/// Measurements of one interpreter on one benchmark.
struct Measure {
    /// Best wall time, when every run succeeded.
    seconds: Option<f64>,
    /// Callgrind's instruction count.
    instructions: Option<u64>,
    /// Output of the first run, or why it failed.
    output: Result<Vec<u8>, String>,
}

impl Default for Measure {
    fn default() -> Self {
        Measure {
            seconds: None,
            instructions: None,
            output: Err("not run".into()),
        }
    }
}

pub fn run(args: &[String]) -> ExitCode {
    let mut runs = 3;
    let mut use_valgrind = true;
    let mut patterns = Vec::new();
    for arg in args {
        match arg.as_str() {
            "--quick" => runs = 1,
            "--no-valgrind" => use_valgrind = false,
            "-h" | "--help" => {
                print!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            option if option.starts_with('-') => {
                eprintln!("xtask bench: unknown option `{option}`\n");
                eprint!("{USAGE}");
                return ExitCode::from(2);
            }
            pattern => patterns.push(pattern.to_string()),
        }
    }
    let root = crate::repo_root();
    let ferropy = match ferropy_override() {
        Some(ferropy) => {
            println!("using FERROPY={}", ferropy.to_string_lossy());
            ferropy
        }
        None => {
            header("cargo build --release -p ferropy-unix");
            match build_ferropy(&root) {
                Some(binary) => binary,
                None => return ExitCode::FAILURE,
            }
        }
    };
    let python = match cpython() {
        Ok(python) => python,
        Err(err) => {
            eprintln!("xtask bench: {err}");
            return ExitCode::FAILURE;
        }
    };
    let valgrind = use_valgrind && find_in_path("valgrind").is_some();

    let benches = bench_files(&root.join("bench"), &patterns);
    if benches.is_empty() {
        println!("no benchmark in bench/ matches");
        return ExitCode::SUCCESS;
    }
    header(&format!(
        "benchmarks: {} file(s), best of {runs}{}",
        benches.len(),
        if valgrind {
            ", with callgrind instruction counts"
        } else {
            ""
        }
    ));
    let mut rows = Vec::new();
    for bench in &benches {
        let name = bench.file_name().unwrap_or_default().to_string_lossy();
        let ours = measure("ferropy", &name, &ferropy, bench, runs, valgrind);
        let theirs = measure("CPython", &name, &python, bench, runs, valgrind);
        rows.push((name.into_owned(), ours, theirs));
    }
    print_table(&rows, valgrind);
    ExitCode::SUCCESS
}

fn bench_files(dir: &Path, patterns: &[String]) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension() == Some(OsStr::new("py")) && p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.retain(|p| {
        let name = p.file_name().unwrap_or_default().to_string_lossy();
        patterns.is_empty() || patterns.iter().any(|pat| name.contains(pat.as_str()))
    });
    files.sort();
    files
}

fn measure(
    who: &str,
    name: &str,
    interpreter: &OsStr,
    bench: &Path,
    runs: usize,
    valgrind: bool,
) -> Measure {
    let mut result = Measure::default();
    let mut best: Option<f64> = None;
    for run in 0..runs {
        progress(&format!("{who} {name}: run {}/{runs}", run + 1));
        match run_bench(
            Command::new(interpreter).arg(file_name(bench)),
            bench,
            RUN_TIMEOUT,
        ) {
            Ok(done) => {
                let secs = done.elapsed.as_secs_f64();
                best = Some(best.map_or(secs, |b: f64| b.min(secs)));
                if run == 0 {
                    result.output = Ok(done.stdout);
                }
            }
            Err(err) => {
                result.output = Err(err);
                best = None;
                break;
            }
        }
    }
    result.seconds = best;
    if valgrind && result.output.is_ok() {
        progress(&format!("{who} {name}: callgrind"));
        let mut cmd = Command::new("valgrind");
        cmd.args(["--tool=callgrind", "--callgrind-out-file=/dev/null"])
            .arg(interpreter)
            .arg(file_name(bench));
        let prepared = prepare(&mut cmd, bench);
        if let Ok(done) = run_captured(prepared, Some(VALGRIND_TIMEOUT)) {
            result.instructions = instruction_count(&String::from_utf8_lossy(&done.stderr));
        }
    }
    progress("");
    result
}

/// A one-line progress note, rewritten in place; only on a terminal.
fn progress(text: &str) {
    let mut stderr = std::io::stderr();
    if stderr.is_terminal() {
        let _ = write!(stderr, "\r{text:<60}\r");
        let _ = stderr.flush();
    }
}

fn file_name(path: &Path) -> OsString {
    path.file_name().unwrap_or_default().to_os_string()
}

fn prepare<'c>(cmd: &'c mut Command, bench: &Path) -> &'c mut Command {
    cmd.current_dir(bench.parent().unwrap_or(Path::new(".")))
        .envs(PYTHON_ENV)
}

/// Runs once; an error unless it exits with status 0.
fn run_bench(cmd: &mut Command, bench: &Path, timeout: Duration) -> Result<Captured, String> {
    let done = run_captured(prepare(cmd, bench), Some(timeout)).map_err(|e| e.to_string())?;
    if done.exit == Exit::Code(0) {
        Ok(done)
    } else {
        let stderr = String::from_utf8_lossy(&done.stderr);
        let last = stderr.lines().last().unwrap_or("").trim();
        Err(format!("{}: {last}", done.exit))
    }
}

/// Callgrind's total from its stderr: `==1== Collected : 123` or `==1== I   refs: 1,234`.
fn instruction_count(stderr: &str) -> Option<u64> {
    let parse = |text: &str| text.trim().replace(',', "").parse::<u64>().ok();
    let mut refs = None;
    for line in stderr.lines() {
        let body = line.splitn(3, "==").nth(2).unwrap_or(line).trim();
        if let Some(n) = body.strip_prefix("Collected :").and_then(parse) {
            return Some(n);
        }
        if let Some(n) = body.strip_prefix("I   refs:").and_then(parse) {
            refs = Some(n);
        }
    }
    refs
}

fn print_table(rows: &[(String, Measure, Measure)], valgrind: bool) {
    let secs = |m: &Measure| m.seconds.map_or("-".to_string(), |s| format!("{s:.3}"));
    let instrs = |m: &Measure| {
        m.instructions
            .map_or("-".to_string(), |n| format!("{:.1}M", n as f64 / 1e6))
    };
    let ratio = |a: Option<f64>, b: Option<f64>| match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}x", a / b),
        _ => "-".to_string(),
    };
    let mut header = format!(
        "{:<16} {:>10} {:>10} {:>8}",
        "benchmark", "ferropy s", "CPython s", "ratio"
    );
    if valgrind {
        header.push_str(&format!(
            " {:>12} {:>12} {:>8}",
            "ferropy Ir", "CPython Ir", "Ir ratio"
        ));
    }
    header.push_str("  output");
    println!("{header}");
    println!("{}", "-".repeat(header.len()));
    for (name, ours, theirs) in rows {
        let mut line = format!(
            "{:<16} {:>10} {:>10} {:>8}",
            name,
            secs(ours),
            secs(theirs),
            ratio(ours.seconds, theirs.seconds)
        );
        if valgrind {
            line.push_str(&format!(
                " {:>12} {:>12} {:>8}",
                instrs(ours),
                instrs(theirs),
                ratio(
                    ours.instructions.map(|n| n as f64),
                    theirs.instructions.map(|n| n as f64)
                )
            ));
        }
        let verdict = match (&ours.output, &theirs.output) {
            (Ok(a), Ok(b)) if a == b => "same as CPython".to_string(),
            (Ok(_), Ok(_)) => "DIFFERS from CPython".to_string(),
            (Err(err), _) => format!("ferropy failed ({err})"),
            (_, Err(err)) => format!("CPython failed ({err})"),
        };
        println!("{line}  {verdict}");
    }
    println!("ratio = ferropy / CPython (lower is better for ferropy)");
}

#[cfg(test)]
mod tests {
    use super::instruction_count;

    #[test]
    fn parses_callgrind_totals() {
        let err = "==42== Events    : Ir\n==42== Collected : 123456\n==42==\n==42== I   refs:      123,456\n";
        assert_eq!(instruction_count(err), Some(123456));
        assert_eq!(
            instruction_count("==7== I   refs:      1,234\n"),
            Some(1234)
        );
        assert_eq!(instruction_count("nothing"), None);
    }
}
