namespace MentorDashboard.Features.Demo;

/// <summary>
/// First and last names of one language, drawn together so a name reads naturally. Where people
/// carry two surnames (Catalan, Spanish, Latin American names), they get two.
/// </summary>
internal sealed record DemoNameGroup(string[] FirstNames, string[] LastNames, bool TwoSurnames = false);

/// <summary>
/// Name parts for the demo's invented people. Every full name is a random combination; none
/// belongs to a real participant.
/// </summary>
internal static class DemoNames
{
    private static readonly DemoNameGroup Catalan = new(
        ["Jordi", "Núria", "Pau", "Laia", "Oriol", "Montse", "Arnau", "Mireia", "Biel", "Ona",
         "Pere", "Carme", "Marc", "Anna", "Joan", "Mercè", "Xavier", "Gemma", "Roger", "Queralt"],
        ["Puig", "Soler", "Vidal", "Ferrer", "Roca", "Serra", "Font", "Pujol", "Bosch",
         "Sala", "Casals", "Vila", "Riera", "Camps", "Batlle", "Costa", "Prat", "Torrent"],
        TwoSurnames: true);

    private static readonly DemoNameGroup Spanish = new(
        ["Lucía", "Javier", "Marta", "Hugo", "Irene", "Sergio", "Elena", "Mateo", "Rosa",
         "Álvaro", "Paula", "Carmen", "Diego", "Beatriz", "Raúl", "Cristina", "Pablo", "Alicia"],
        ["García", "López", "Martín", "Sánchez", "Romero", "Navarro", "Molina", "Ortega",
         "Delgado", "Castro", "Ruiz", "Moreno", "Iglesias", "Medina", "Gil", "Vega"],
        TwoSurnames: true);

    private static readonly DemoNameGroup LatinAmerican = new(
        ["Valentina", "Andrés", "Camila", "Santiago", "Daniela", "Luis",
         "Gabriela", "Mauricio", "Ximena", "Julián", "Paola", "Esteban"],
        ["Rojas", "Herrera", "Mendoza", "Quintero", "Salazar", "Paredes",
         "Vargas", "Guzmán", "Cárdenas", "Ríos", "Acosta"],
        TwoSurnames: true);

    private static readonly DemoNameGroup English = new(
        ["Emma", "Tom", "Helen", "James", "Sophie", "Ben",
         "Claire", "Oliver", "Hannah", "Sam", "Ruth", "Peter"],
        ["Brown", "Walsh", "Green", "Miller", "Turner", "Hughes",
         "Carter", "Price", "Bennett", "Hall", "Fletcher", "Ward"]);

    private static readonly DemoNameGroup Arabic = new(
        ["Ahmad", "Fatima", "Yusuf", "Layla", "Omar", "Rania",
         "Khaled", "Noor", "Samir", "Huda", "Bilal", "Amal"],
        ["Haddad", "Khalil", "Nasser", "Darwish", "Saleh", "Mansour",
         "Qasem", "Aziz", "Hamdan", "Issa", "Barakat"]);

    private static readonly DemoNameGroup Tigrinya = new(
        ["Tesfay", "Selam", "Yonas", "Saba", "Merhawi", "Mebrat",
         "Filmon", "Abrehet", "Dawit", "Senait", "Robel", "Luwam"],
        ["Gebremedhin", "Tesfamariam", "Haile", "Berhane", "Kidane",
         "Weldu", "Asmerom", "Habte", "Ghebre", "Tekle"]);

    private static readonly DemoNameGroup Ukrainian = new(
        ["Olena", "Andriy", "Iryna", "Dmytro", "Kateryna", "Taras",
         "Oksana", "Mykola", "Sofiia", "Bohdan", "Yulia", "Oleh"],
        ["Kovalenko", "Shevchuk", "Bondarenko", "Melnyk", "Tkachenko",
         "Kravets", "Savchenko", "Lysenko", "Moroz", "Hnatiuk"]);

    private static readonly DemoNameGroup Dari = new(
        ["Farid", "Zahra", "Hamid", "Mariam", "Jawad", "Parwana",
         "Sohail", "Shabnam", "Wahid", "Freshta", "Nasir", "Marzia"],
        ["Rahimi", "Ahmadi", "Karimi", "Sultani", "Hakimi",
         "Noori", "Sharifi", "Wardak", "Azizi", "Samadi"]);

    private static readonly DemoNameGroup Maghrebi = new(
        ["Yasmine", "Ilyas", "Aya", "Hamza", "Salma", "Anas", "Nour",
         "Adam", "Imane", "Zakaria", "Karim", "Houda", "Mehdi", "Sara"],
        ["El Amrani", "Benali", "Bouzid", "Chakir", "El Idrissi", "Tahiri",
         "Ouali", "Zerouali", "Lahlou", "Berrada", "Haddou", "Kabbaj"]);

    private static readonly DemoNameGroup Romanian = new(
        ["Andrei", "Ioana", "Mihai", "Alexandra", "Radu", "Bianca", "Ștefan", "Denisa", "Vlad"],
        ["Popescu", "Ionescu", "Dumitru", "Stan", "Marin", "Constantin", "Lazăr", "Munteanu"]);

    private static readonly DemoNameGroup Urdu = new(
        ["Ayesha", "Hassan", "Zainab", "Usman", "Mahnoor", "Ali", "Hira", "Faisal", "Sana"],
        ["Qureshi", "Malik", "Iqbal", "Chaudhry", "Butt", "Raza", "Siddiqui", "Anwar"]);

    private static readonly DemoNameGroup Wolof = new(
        ["Moussa", "Awa", "Cheikh", "Fatou", "Ibrahima", "Aminata", "Mamadou", "Khady", "Ousmane"],
        ["Diop", "Ndiaye", "Sarr", "Fall", "Gueye", "Faye", "Sow", "Mbaye"]);

    /// <summary>Volunteers from the city: mostly local, some who settled here years ago.</summary>
    public static IReadOnlyList<DemoNameGroup> LocalMentors { get; } =
        [Catalan, Catalan, Catalan, Spanish, Spanish, English, Maghrebi, LatinAmerican];

    public static IReadOnlyList<DemoNameGroup> Newcomers { get; } =
        [Arabic, Arabic, Tigrinya, Ukrainian, Ukrainian, Dari, Dari, LatinAmerican];

    public static IReadOnlyList<DemoNameGroup> Pupils { get; } =
        [
            Catalan, Catalan, Spanish, Spanish, Maghrebi, Maghrebi,
            LatinAmerican, Romanian, Urdu, Wolof,
        ];

    public static IReadOnlyList<DemoNameGroup> Jobseekers { get; } =
        [
            Spanish, Spanish, Catalan, Maghrebi, LatinAmerican,
            LatinAmerican, Wolof, Romanian, Ukrainian,
        ];

    /// <summary>
    /// A name nobody in <paramref name="taken"/> has, so a coordinator never wonders which of two
    /// people a card means; after many tries a shared name is accepted, as it happens in life.
    /// </summary>
    public static string DrawUnique(
        Random random, IReadOnlyList<DemoNameGroup> groups, HashSet<string> taken)
    {
        var name = Draw(random, groups);
        for (var attempt = 0; attempt < 50 && taken.Contains(name); attempt++)
        {
            name = Draw(random, groups);
        }

        taken.Add(name);
        return name;
    }

    private static string Draw(Random random, IReadOnlyList<DemoNameGroup> groups)
    {
        var group = random.Pick(groups);
        var firstName = random.Pick(group.FirstNames);
        var surnames = group.LastNames;
        var surname = random.Next(surnames.Length);
        if (!group.TwoSurnames)
        {
            return $"{firstName} {surnames[surname]}";
        }

        var secondSurname = (surname + 1 + random.Next(surnames.Length - 1)) % surnames.Length;
        return $"{firstName} {surnames[surname]} {surnames[secondSurname]}";
    }
}
