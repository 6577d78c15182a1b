namespace MentorDashboard;

public static class TimeProviderExtensions
{
    /// <summary>
    /// Today's date where the server runs: the one day every rule about dates (posts not in the future, due
    /// questionnaires, data card periods, the demo's history) agrees on.
    /// </summary>
    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);
}
