//! Faults injected into real SDK calls against moto, through interceptors the account
//! port accepts: the request still goes through the real SDK (signing, retries,
//! error parsing); only what comes back, or whether it leaves at all, is changed.

use aws_day_one::account::aws::{AwsAccount, SharedInterceptor};
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeDeserializationInterceptorContextMut, BeforeTransmitInterceptorContextRef,
};
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::config_bag::{ConfigBag, Storable, StoreReplace};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// What an answer is replaced with, attempt by attempt (the SDK's retries see each).
#[derive(Debug, Clone, Copy)]
pub enum Answer {
    /// 503 with an empty body: the service is down.
    Unavailable,
    /// IAM's (awsQuery) throttling error.
    Throttling,
    /// STS's (awsQuery) answer to temporary credentials past their expiry.
    ExpiredToken,
}

/// Replaces the next `times` answers of `service` with `answer`.
#[derive(Debug)]
pub struct ServiceFaults {
    service: &'static str,
    answer: Answer,
    times: AtomicUsize,
    injected: Arc<AtomicUsize>,
}

impl ServiceFaults {
    /// The interceptor, and a count of the answers it has replaced.
    pub fn interceptor(service: &'static str, answer: Answer, times: usize) -> (SharedInterceptor, Arc<AtomicUsize>) {
        let injected = Arc::new(AtomicUsize::new(0));
        let faults = ServiceFaults {
            service,
            answer,
            times: AtomicUsize::new(times),
            injected: injected.clone(),
        };
        (SharedInterceptor::new(faults), injected)
    }
}

fn service_of(cfg: &ConfigBag) -> &str {
    cfg.load::<Metadata>().map_or("", |metadata| metadata.service())
}

fn operation_of(cfg: &ConfigBag) -> &str {
    cfg.load::<Metadata>().map_or("", |metadata| metadata.name())
}

impl Intercept for ServiceFaults {
    fn name(&self) -> &'static str {
        "ServiceFaults"
    }

    fn modify_before_deserialization(
        &self,
        context: &mut BeforeDeserializationInterceptorContextMut<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let ours = service_of(cfg).eq_ignore_ascii_case(self.service);
        let left = self.times.load(Ordering::SeqCst);
        if !ours || left == 0 {
            return Ok(());
        }
        self.times.store(left - 1, Ordering::SeqCst);
        self.injected.fetch_add(1, Ordering::SeqCst);
        let response = context.response_mut();
        let (status, body) = match self.answer {
            Answer::Unavailable => (503, String::new()),
            Answer::Throttling => (400, query_error("Throttling", "Rate exceeded")),
            Answer::ExpiredToken => (
                403,
                query_error("ExpiredToken", "The security token included in the request is expired"),
            ),
        };
        *response.status_mut() = StatusCode::try_from(status)?;
        *response.body_mut() = SdkBody::from(body);
        Ok(())
    }
}

/// An error document of the awsQuery protocol (IAM, STS).
fn query_error(code: &str, message: &str) -> String {
    format!(
        "<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error>\
         <RequestId>fault</RequestId></ErrorResponse>"
    )
}

/// How one call fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cut {
    /// The request never leaves this machine (the network dropped): AWS changed
    /// nothing, and the fix must say exactly what the calls before made.
    Unsent,
    /// AWS did the work but its answer is lost (a plain 400 comes back instead, which
    /// no retry repeats): the fix cannot know, and running it again must still finish.
    AnswerLost,
}

/// Which call fails.
#[derive(Debug, Clone, Copy)]
pub enum Target {
    /// The call with this index, counting every operation from 0.
    Nth(usize),
    /// The first call of this operation (for example "CreateTrail").
    Operation(&'static str),
}

/// Fails one call, as `cut` says.
#[derive(Debug)]
pub struct CallFault {
    target: Target,
    cut: Cut,
    seen: AtomicUsize,
    failed: Arc<AtomicUsize>,
}

/// Marks the operation being run as the one to fail.
#[derive(Debug)]
struct Doomed;

impl Storable for Doomed {
    type Storer = StoreReplace<Self>;
}

impl CallFault {
    /// The interceptor, and a count of the calls it failed (0 or 1).
    pub fn interceptor(target: Target, cut: Cut) -> (SharedInterceptor, Arc<AtomicUsize>) {
        let failed = Arc::new(AtomicUsize::new(0));
        let fault = CallFault {
            target,
            cut,
            seen: AtomicUsize::new(0),
            failed: failed.clone(),
        };
        (SharedInterceptor::new(fault), failed)
    }

    fn doomed(&self, cfg: &ConfigBag) -> bool {
        cfg.load::<Doomed>().is_some()
    }
}

impl Intercept for CallFault {
    fn name(&self) -> &'static str {
        "CallFault"
    }

    /// Once per operation (not per attempt), once its configuration is known.
    fn read_after_serialization(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let index = self.seen.fetch_add(1, Ordering::SeqCst);
        let hit = match self.target {
            Target::Nth(at) => index == at,
            Target::Operation(name) => operation_of(cfg) == name && self.failed.load(Ordering::SeqCst) == 0,
        };
        if hit {
            self.failed.fetch_add(1, Ordering::SeqCst);
            cfg.interceptor_state().store_put(Doomed);
        }
        Ok(())
    }

    fn read_before_transmit(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        if self.cut == Cut::Unsent && self.doomed(cfg) {
            return Err("connection reset before the request was sent (injected)".into());
        }
        Ok(())
    }

    fn modify_before_deserialization(
        &self,
        context: &mut BeforeDeserializationInterceptorContextMut<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        if self.cut == Cut::AnswerLost && self.doomed(cfg) {
            let response = context.response_mut();
            *response.status_mut() = StatusCode::try_from(400)?;
            *response.body_mut() = SdkBody::empty();
        }
        Ok(())
    }
}

/// An account on `config` whose calls pass through `interceptor`.
pub fn account_with(config: &aws_config::SdkConfig, interceptor: SharedInterceptor) -> AwsAccount {
    AwsAccount::with_interceptors(config, vec![interceptor])
}

/// Holds the first call of one operation before it is sent, until the test opens the
/// gate: the test can then act "while AWS is working". It blocks the SDK's thread, so
/// tests using it run on a multi-threaded runtime.
#[derive(Debug, Clone)]
pub struct Gate {
    operation: &'static str,
    state: Arc<(std::sync::Mutex<GateState>, std::sync::Condvar)>,
    arrived: Arc<tokio::sync::Notify>,
}

#[derive(Debug, Default)]
struct GateState {
    open: bool,
    used: bool,
}

impl Gate {
    pub fn new(operation: &'static str) -> Gate {
        Gate {
            operation,
            state: Arc::default(),
            arrived: Arc::default(),
        }
    }

    /// The interceptor to give the account.
    pub fn interceptor(&self) -> SharedInterceptor {
        SharedInterceptor::new(self.clone())
    }

    /// Wait until the held call has reached the gate.
    pub async fn reached(&self) {
        self.arrived.notified().await;
    }

    /// Let the held call go on.
    pub fn open(&self) {
        let (lock, signal) = &*self.state;
        lock.lock().unwrap_or_else(|p| p.into_inner()).open = true;
        signal.notify_all();
    }
}

impl Intercept for Gate {
    fn name(&self) -> &'static str {
        "Gate"
    }

    fn read_before_transmit(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        if operation_of(cfg) != self.operation {
            return Ok(());
        }
        let (lock, signal) = &*self.state;
        let mut state = lock.lock().unwrap_or_else(|p| p.into_inner());
        if state.used {
            return Ok(());
        }
        state.used = true;
        self.arrived.notify_one();
        // Never for ever: a test that fails before opening the gate must still end.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while !state.open {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            if left.is_zero() {
                return Err("the test never opened the gate".into());
            }
            state = signal.wait_timeout(state, left).unwrap_or_else(|p| p.into_inner()).0;
        }
        Ok(())
    }
}
