//! A small HTTP proxy in front of moto that fails the requests of chosen services, so
//! the real binary (with its own SDK configuration: retry mode, timeouts) meets
//! throttling, expired tokens and dropped connections. Each request is told apart by
//! the service in its SigV4 credential scope; the rest are passed to moto unchanged.

use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What a failed request gets.
#[derive(Clone, Debug)]
pub enum Failure {
    /// This status and body (an XML error document).
    Answer { status: u16, body: String },
    /// The connection closes without an answer.
    Drop,
    /// The request is passed on after this long: a slow service.
    Delay(std::time::Duration),
}

impl Failure {
    /// An awsQuery error document (IAM, STS) with this status and code.
    pub fn query_error(status: u16, code: &str, message: &str) -> Failure {
        Failure::Answer {
            status,
            body: format!(
                "<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>\
                 <RequestId>proxy</RequestId></ErrorResponse>"
            ),
        }
    }
}

#[derive(Debug)]
struct Rule {
    service: &'static str,
    /// Only this operation of the service (`None`: all of them).
    operation: Option<&'static str>,
    failure: Failure,
    times: usize,
}

/// The proxy; it runs until the test's runtime ends.
pub struct Proxy {
    pub port: u16,
    rules: Arc<Mutex<Vec<Rule>>>,
    /// How many requests were failed.
    pub failed: Arc<Mutex<usize>>,
}

impl Proxy {
    pub async fn start(moto_port: u16) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind the proxy");
        let port = listener.local_addr().expect("proxy address").port();
        let rules: Arc<Mutex<Vec<Rule>>> = Arc::default();
        let failed: Arc<Mutex<usize>> = Arc::default();
        let (shared_rules, shared_failed) = (rules.clone(), failed.clone());
        tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                let (rules, failed) = (shared_rules.clone(), shared_failed.clone());
                tokio::spawn(async move {
                    let _ = serve(client, moto_port, rules, failed).await;
                });
            }
        });
        Proxy { port, rules, failed }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Fail the next `times` requests to `service` (`usize::MAX`: all of them).
    pub fn fail(&self, service: &'static str, failure: Failure, times: usize) {
        self.add(Rule {
            service,
            operation: None,
            failure,
            times,
        });
    }

    /// Fail every request for one operation (its JSON target or query action).
    pub fn fail_operation(&self, service: &'static str, operation: &'static str, failure: Failure) {
        self.add(Rule {
            service,
            operation: Some(operation),
            failure,
            times: usize::MAX,
        });
    }

    fn add(&self, rule: Rule) {
        self.rules.lock().unwrap_or_else(|p| p.into_inner()).push(rule);
    }

    pub fn failed(&self) -> usize {
        *self.failed.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// One request per connection: read it, fail it or pass it on, close.
async fn serve(
    mut client: TcpStream,
    moto_port: u16,
    rules: Arc<Mutex<Vec<Rule>>>,
    failed: Arc<Mutex<usize>>,
) -> std::io::Result<()> {
    let Some((head, body)) = read_request(&mut client).await? else {
        return Ok(());
    };
    let service = service_of(&head);
    let operation = operation_of(&head, &body);
    let failure = {
        let mut rules = rules.lock().unwrap_or_else(|p| p.into_inner());
        rules
            .iter_mut()
            .find(|rule| {
                rule.times > 0
                    && service.as_deref() == Some(rule.service)
                    && rule.operation.is_none_or(|wanted| operation.as_deref() == Some(wanted))
            })
            .map(|rule| {
                rule.times = rule.times.saturating_sub(1);
                rule.failure.clone()
            })
    };
    if let Some(failure) = failure {
        *failed.lock().unwrap_or_else(|p| p.into_inner()) += 1;
        if let Failure::Delay(delay) = failure {
            tokio::time::sleep(delay).await;
            return pass_on(client, moto_port, &head, &body).await;
        }
        if let Failure::Answer { status, body } = failure {
            let answer = format!(
                "HTTP/1.1 {status} Injected\r\nContent-Type: text/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
            client.write_all(answer.as_bytes()).await?;
        }
        return client.shutdown().await;
    }
    pass_on(client, moto_port, &head, &body).await
}

/// Send the request to moto and its answer back.
async fn pass_on(mut client: TcpStream, moto_port: u16, head: &[u8], body: &[u8]) -> std::io::Result<()> {
    let mut moto = TcpStream::connect(("127.0.0.1", moto_port)).await?;
    moto.write_all(&with_connection_close(head)).await?;
    moto.write_all(body).await?;
    let mut answer = Vec::new();
    moto.read_to_end(&mut answer).await?;
    let split = find(&answer, b"\r\n\r\n").map_or(answer.len(), |at| at + 4);
    client.write_all(&with_connection_close(&answer[..split])).await?;
    client.write_all(&answer[split..]).await?;
    client.shutdown().await
}

/// The request head (through the blank line) and its body (by Content-Length).
async fn read_request(client: &mut TcpStream) -> std::io::Result<Option<(Vec<u8>, Vec<u8>)>> {
    let mut data = Vec::new();
    let mut buffer = [0; 16 * 1024];
    let head_end = loop {
        if let Some(at) = find(&data, b"\r\n\r\n") {
            break at + 4;
        }
        let read = client.read(&mut buffer).await?;
        if read == 0 {
            return Ok(None);
        }
        data.extend_from_slice(&buffer[..read]);
    };
    let head = data[..head_end].to_vec();
    let length = header(&head, "content-length")
        .and_then(|value| value.parse::<usize>().ok())
        .unwrap_or(0);
    let mut body = data[head_end..].to_vec();
    while body.len() < length {
        let read = client.read(&mut buffer).await?;
        if read == 0 {
            break;
        }
        body.extend_from_slice(&buffer[..read]);
    }
    Ok(Some((head, body)))
}

fn find(data: &[u8], needle: &[u8]) -> Option<usize> {
    data.windows(needle.len()).position(|window| window == needle)
}

fn header(head: &[u8], name: &str) -> Option<String> {
    String::from_utf8_lossy(head).lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.trim().eq_ignore_ascii_case(name).then(|| value.trim().to_owned())
    })
}

/// The service a SigV4 request is for: `Credential=KEY/DATE/REGION/SERVICE/aws4_request`.
fn service_of(head: &[u8]) -> Option<String> {
    let authorization = header(head, "authorization")?;
    let scope = authorization.split("Credential=").nth(1)?;
    scope.split('/').nth(3).map(str::to_owned)
}

/// The operation of a JSON-protocol request (`X-Amz-Target: Service.Operation`) or an
/// awsQuery one (`Action=Operation` in the form body).
fn operation_of(head: &[u8], body: &[u8]) -> Option<String> {
    if let Some(target) = header(head, "x-amz-target") {
        return target.rsplit('.').next().map(str::to_owned);
    }
    let form = String::from_utf8_lossy(body);
    form.split('&')
        .find_map(|pair| pair.strip_prefix("Action="))
        .map(str::to_owned)
}

/// The same head, asking for the connection to close after this message.
fn with_connection_close(head: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(head);
    let mut lines: Vec<&str> = text
        .trim_end_matches("\r\n")
        .split("\r\n")
        .filter(|line| !line.to_ascii_lowercase().starts_with("connection:"))
        .collect();
    lines.push("Connection: close");
    format!("{}\r\n\r\n", lines.join("\r\n")).into_bytes()
}
