namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>Which setup call the emulator recorded.</summary>
public enum SandboxCallKind
{
    Subscribe,
    Unsubscribe,
    PhoneWebhookSet,
    PhoneWebhookCleared,
}
