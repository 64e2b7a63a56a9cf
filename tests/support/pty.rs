//! The real binary in a pseudo-terminal, as a person runs it: keys are bytes written to
//! the terminal, the screen is what the program wrote, and the terminal's own settings
//! can be read after the program has gone, to prove it put them back.

use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The terminal settings raw mode changes, to compare before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Modes {
    pub input: libc::tcflag_t,
    pub output: libc::tcflag_t,
    pub control: libc::tcflag_t,
    pub local: libc::tcflag_t,
}

pub struct Pty {
    master: std::fs::File,
    /// Kept open, so the terminal's settings can be read after the child exits.
    slave: OwnedFd,
    pub child: Child,
    output: Arc<Mutex<Vec<u8>>>,
    stop: Arc<AtomicBool>,
    /// The settings before the program started.
    pub before: Modes,
    pub started: Instant,
    size: (u16, u16),
}

fn modes(fd: &OwnedFd) -> Modes {
    // SAFETY: termios is plain data, and tcgetattr fills it for a valid descriptor.
    let mut termios: libc::termios = unsafe { std::mem::zeroed() };
    let read = unsafe { libc::tcgetattr(fd.as_raw_fd(), &mut termios) };
    assert_eq!(read, 0, "tcgetattr: {}", std::io::Error::last_os_error());
    Modes {
        input: termios.c_iflag,
        output: termios.c_oflag,
        control: termios.c_cflag,
        local: termios.c_lflag,
    }
}

impl Pty {
    /// Start `program args` in a `cols` x `rows` terminal with only `env` (and PATH,
    /// TERM, a HOME with no AWS files) in its environment.
    pub fn spawn(program: &std::path::Path, args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Pty {
        let (mut master, mut slave) = (0, 0);
        let size = libc::winsize {
            ws_row: rows,
            ws_col: cols,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        // SAFETY: openpty writes two new descriptors into the integers given.
        let opened = unsafe { libc::openpty(&mut master, &mut slave, std::ptr::null_mut(), std::ptr::null(), &size) };
        assert_eq!(opened, 0, "openpty: {}", std::io::Error::last_os_error());
        // SAFETY: both descriptors were just opened and belong to nobody else.
        let (master, slave) = unsafe { (std::fs::File::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) };
        let before = modes(&slave);
        let stdio = || Stdio::from(slave.try_clone().expect("dup the terminal"));
        let mut command = Command::new(program);
        super::env::clean(&mut command)
            .args(args)
            .env("TERM", "xterm-256color")
            .env("LANG", "C.UTF-8")
            .envs(env.iter().copied())
            .stdin(stdio())
            .stdout(stdio())
            .stderr(stdio());
        // SAFETY: only async-signal-safe calls between fork and exec: a new session
        // whose controlling terminal is this one, as a terminal emulator does.
        unsafe {
            command.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let started = Instant::now();
        let child = command.spawn().expect("start aws-day-one in a terminal");
        let output = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let reader = master.try_clone().expect("dup the master side");
        std::thread::spawn({
            let (output, stop) = (output.clone(), stop.clone());
            move || read_until_stopped(reader, &output, &stop)
        });
        Pty {
            master,
            slave,
            child,
            output,
            stop,
            before,
            started,
            size: (cols, rows),
        }
    }

    /// The screen as a terminal shows it now: the output so far through a VT100
    /// emulator, as text.
    pub fn screen(&self) -> String {
        let (cols, rows) = self.size;
        let size = |n: u16| std::num::NonZeroU16::new(n).expect("a terminal has a size");
        let mut parser = vt100::Parser::new(size(rows), size(cols), 0);
        parser.process(&self.output.lock().unwrap_or_else(|p| p.into_inner()));
        parser.screen().contents()
    }

    /// Wait until the screen shows `text`.
    pub fn wait_for_screen(&self, text: &str, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while !self.screen().contains(text) {
            assert!(
                Instant::now() < deadline,
                "no {text:?} on screen within {timeout:?}:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Type: bytes as a keyboard sends them (`b"\x03"` is Ctrl-C).
    pub fn send(&mut self, bytes: &[u8]) {
        self.master.write_all(bytes).expect("write to the terminal");
        self.master.flush().expect("flush the terminal");
    }

    /// Everything the program has written so far.
    pub fn output(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().unwrap_or_else(|p| p.into_inner())).into_owned()
    }

    /// Wait until the program has written `text`; how long after it started.
    pub fn wait_for(&self, text: &str, timeout: Duration) -> Duration {
        let deadline = Instant::now() + timeout;
        loop {
            if self.output().contains(text) {
                return self.started.elapsed();
            }
            if Instant::now() >= deadline {
                let output = self.output();
                let tail: String = output
                    .chars()
                    .rev()
                    .take(1500)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                panic!("no {text:?} within {timeout:?}; the terminal ends with {tail:?}");
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Wait for the program to exit; its exit code (`None`: killed by a signal).
    pub fn exit_code(&mut self, timeout: Duration) -> Option<i32> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait().expect("wait for aws-day-one") {
                // What it wrote last is read before anyone looks.
                std::thread::sleep(Duration::from_millis(100));
                return status.code();
            }
            assert!(Instant::now() < deadline, "still running after {timeout:?}");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// The terminal's settings now.
    pub fn modes(&self) -> Modes {
        modes(&self.slave)
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        self.stop.store(true, Ordering::SeqCst);
    }
}

fn read_until_stopped(mut master: std::fs::File, output: &Mutex<Vec<u8>>, stop: &AtomicBool) {
    let mut buffer = [0; 16 * 1024];
    while !stop.load(Ordering::SeqCst) {
        let mut poll = libc::pollfd {
            fd: master.as_raw_fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd.
        let ready = unsafe { libc::poll(&mut poll, 1, 50) };
        if ready <= 0 {
            continue;
        }
        match master.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(read) => output
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .extend_from_slice(&buffer[..read]),
        }
    }
}
