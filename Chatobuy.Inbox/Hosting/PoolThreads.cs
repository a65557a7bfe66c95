namespace Chatobuy.Inbox.Hosting;

/// <summary>
/// Pool threads ready at once, for the whole process. SQLite's asynchronous calls block pool threads (the webhook
/// writer, the sender's claims, every page's queries), and when they are all blocked the pool adds threads slowly,
/// holding every timer and request up together (0.3–1.3 s measured on 2 busy cores). The sender's pacer needs its
/// wake-ups on time, or requests that left a second apart reach Meta at once. With this floor the hold-ups stay under
/// about 0.1 s.
/// </summary>
public static class PoolThreads
{
    public const int Floor = 64;

    public static void EnsureFloor()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        if (workers < Floor)
        {
            ThreadPool.SetMinThreads(Floor, completionPorts);
        }
    }
}
