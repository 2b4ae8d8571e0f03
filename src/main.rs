//! The `kashf` command; the work is done in the library and `cli`.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
