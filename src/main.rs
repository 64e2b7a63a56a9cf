use aws_day_one::cli::{self, Cli};
use aws_day_one::commands;
use aws_day_one::i18n::Lang;
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let cli = match Cli::try_parse_from(&args) {
        Ok(cli) => cli,
        Err(error) => match cli::flag_error(&error, cli::lang_of(&args, Lang::from_env())) {
            Some(message) => {
                eprintln!("{message}");
                return ExitCode::from(commands::EXIT_CANNOT_RUN);
            }
            // Help and version go to stdout with clap's own exit status.
            None => error.exit(),
        },
    };
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
