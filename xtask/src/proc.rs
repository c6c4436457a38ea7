//! Running a child process with captured output and an optional timeout.

use std::fmt;
use std::io::{self, Read};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

/// At most this much of each output stream is kept (the rest is drained).
const OUTPUT_CAP: usize = 8 << 20;

/// How a child process ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    Signal(i32),
    Timeout,
}

impl Exit {
    fn from_status(status: ExitStatus) -> Exit {
        if let Some(code) = status.code() {
            return Exit::Code(code);
        }
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            if let Some(signal) = status.signal() {
                return Exit::Signal(signal);
            }
        }
        Exit::Code(-1)
    }
}

impl fmt::Display for Exit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Exit::Code(code) => write!(f, "exit status {code}"),
            Exit::Signal(signal) => write!(f, "killed by signal {signal}"),
            Exit::Timeout => f.write_str("timed out"),
        }
    }
}

/// What a finished child left behind.
pub struct Captured {
    pub exit: Exit,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    pub elapsed: Duration,
}

/// Runs `cmd` with stdin closed and stdout/stderr captured. With a timeout,
/// the child (and its process group) is killed when it runs longer.
pub fn run_captured(cmd: &mut Command, timeout: Option<Duration>) -> io::Result<Captured> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    #[cfg(unix)]
    if timeout.is_some() {
        // Own process group, so a timeout can kill whatever the child started.
        use std::os::unix::process::CommandExt;
        cmd.process_group(0);
    }
    let start = Instant::now();
    let mut child = cmd.spawn()?;
    let stdout = child.stdout.take().expect("stdout is piped");
    let stderr = child.stderr.take().expect("stderr is piped");
    let stdout = thread::spawn(move || read_capped(stdout));
    let stderr = thread::spawn(move || read_capped(stderr));

    let (exit, elapsed) = match timeout {
        None => {
            let status = child.wait()?;
            (Exit::from_status(status), start.elapsed())
        }
        Some(limit) => {
            let mut pause = Duration::from_millis(1);
            loop {
                if let Some(status) = child.try_wait()? {
                    break (Exit::from_status(status), start.elapsed());
                }
                if start.elapsed() >= limit {
                    kill_group(child.id());
                    let _ = child.kill();
                    let _ = child.wait();
                    break (Exit::Timeout, start.elapsed());
                }
                thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(20));
            }
        }
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = stderr.join().unwrap_or_default();
    Ok(Captured {
        exit,
        stdout,
        stderr,
        elapsed,
    })
}

fn kill_group(pid: u32) {
    #[cfg(unix)]
    {
        let _ = Command::new("kill")
            .args(["-KILL", "--", &format!("-{pid}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
    }
    #[cfg(not(unix))]
    let _ = pid;
}

fn read_capped(mut reader: impl Read) -> Vec<u8> {
    let mut kept = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                let room = OUTPUT_CAP.saturating_sub(kept.len());
                kept.extend_from_slice(&buf[..n.min(room)]);
            }
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    kept
}
