use aws_day_one::cli::Cli;
use aws_day_one::commands;
use aws_day_one::i18n::Lang;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.unwrap_or_else(Lang::from_env);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("aws-day-one: cannot start the async runtime: {error}");
            return ExitCode::from(commands::EXIT_CANNOT_RUN);
        }
    };
    runtime.block_on(commands::run(cli, lang))
}
