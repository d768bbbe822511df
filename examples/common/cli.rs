//! What every example does at its edge with standard output: a reader that closes the pipe early
//! (`cargo run --example … | head -n 1`) ends the program quietly with success instead of a panic.

use std::fmt;
use std::io::{self, Write};
use std::process;

/// Writes `args` to standard output, with a newline when `newline` is set. When the reader has gone (a closed pipe)
/// there is nothing more to say: the program exits with code 0. Any other write error exits with code 1.
pub fn write_out(args: fmt::Arguments<'_>, newline: bool) {
    let mut out = io::stdout().lock();
    let written = if newline {
        writeln!(out, "{args}")
    } else {
        write!(out, "{args}").and_then(|()| out.flush())
    };
    if let Err(e) = written {
        if e.kind() == io::ErrorKind::BrokenPipe {
            process::exit(0);
        }
        eprintln!("error: cannot write to standard output: {e}");
        process::exit(1);
    }
}

/// `println!` that stops quietly on a closed pipe.
macro_rules! say {
    () => {
        $crate::cli::write_out(format_args!(""), true)
    };
    ($($arg:tt)*) => {
        $crate::cli::write_out(format_args!($($arg)*), true)
    };
}

/// `print!` that stops quietly on a closed pipe.
#[allow(unused_macros)]
macro_rules! say_raw {
    ($($arg:tt)*) => {
        $crate::cli::write_out(format_args!($($arg)*), false)
    };
}
