namespace MentorDashboard.Features.SupportContacts;

/// <summary>The English words for a contact's channel and person; each is also its localisation key.</summary>
public static class ContactLabels
{
    public static string Of(ContactChannel channel) => channel switch
    {
        ContactChannel.InPerson => "In person",
        ContactChannel.Phone => "Phone",
        ContactChannel.VideoCall => "Video call",
        ContactChannel.Message => "Message",
        ContactChannel.Email => "E-mail",
        _ => channel.ToString(),
    };

    public static string Of(ContactPerson person) => person switch
    {
        ContactPerson.Mentor => "Mentor",
        ContactPerson.Mentee => "Mentee",
        ContactPerson.Family => "Family",
        _ => person.ToString(),
    };
}
