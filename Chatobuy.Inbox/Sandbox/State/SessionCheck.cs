namespace Chatobuy.Inbox.Sandbox.State;

public enum SessionCheck
{
    Found,
    Unknown,
    BadSignature,
}
