using MentorDashboard.Data;

namespace MentorDashboard.Features.People;

/// <summary>The English words for a programme role; each is also its localisation key.</summary>
public static class PeopleLabels
{
    /// <summary>The roles an invitation can give, in the order the dialog offers them.</summary>
    public static readonly ProgrammeRole[] Roles =
        [ProgrammeRole.Mentor, ProgrammeRole.Mentee, ProgrammeRole.Coordinator];

    public static string Of(ProgrammeRole role) => role switch
    {
        ProgrammeRole.Mentor => "Mentor",
        ProgrammeRole.Mentee => "Mentee",
        ProgrammeRole.Coordinator => "Coordinator",
        _ => role.ToString(),
    };
}
