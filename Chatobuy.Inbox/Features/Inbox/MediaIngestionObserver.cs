using Chatobuy.Inbox.Features.Webhooks;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>Wakes the media downloader as soon as a delivery with new messages is committed.</summary>
public sealed class MediaIngestionObserver(MediaWorkerSignal signal) : IIngestionObserver
{
    public void Stored(IngestResult result)
    {
        if (result.Messages > 0)
        {
            signal.Notify();
        }
    }
}
