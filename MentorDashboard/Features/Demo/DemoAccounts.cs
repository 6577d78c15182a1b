namespace MentorDashboard.Features.Demo;

/// <summary>
/// The demo accounts the README lists. They share one password and sign in only in the Development environment.
/// </summary>
public static class DemoAccounts
{
    public const string Password = "Demo-Pass-2026!";

    public const string Admin = "admin@demo.example";

    public const string CityCoordinator = "coordinator.city@demo.example";

    public const string SchoolCoordinator = "coordinator.school@demo.example";

    public const string JobsCoordinator = "coordinator.jobs@demo.example";

    public const string CityMentor = "mentor.city@demo.example";

    public const string SchoolMentor = "mentor.school@demo.example";

    public const string JobsMentor = "mentor.jobs@demo.example";

    public const string CityMentee = "mentee.city@demo.example";
}
