namespace Chatobuy.Inbox.Features.Outbound;

/// <summary>
/// One send that a <see cref="SendPacer"/> let go: <see cref="Depart"/> when its request leaves, dispose when its
/// answer (or failure) has come back. Disposing one that never departed gives its turn back uncounted.
/// </summary>
public sealed class PacedSend : IDisposable
{
    private const int Granted = 0;
    private const int Departed = 1;
    private const int Released = 2;

    private readonly SendPacer _pacer;
    private int _state;

    internal PacedSend(SendPacer pacer) => _pacer = pacer;

    /// <summary>Marks the moment the request leaves: call it right before the HTTP call, once.</summary>
    public void Depart()
    {
        if (Interlocked.CompareExchange(ref _state, Departed, Granted) == Granted)
        {
            _pacer.Depart();
        }
    }

    public void Dispose()
    {
        var was = Interlocked.Exchange(ref _state, Released);
        if (was != Released)
        {
            _pacer.Release(departed: was == Departed);
        }
    }
}
