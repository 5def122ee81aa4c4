namespace FactCheck;

/// <summary>
/// The transparency pages a new site starts with, in every language: a truthful outline of what each page
/// must say, for Admins to complete with the desk's own names, owners and figures (/admin/pages).
/// </summary>
public static class DefaultTransparencyPages
{
    public static IEnumerable<TransparencyPage> All(DateTime now) =>
        from page in Texts
        select new TransparencyPage { Key = page.Key, Language = page.Language, Title = page.Title, Body = page.Body, UpdatedAt = now };

    private static readonly (string Key, string Language, string Title, string Body)[] Texts =
    [
        ("about", "en", "About us", """
            We are a fact-checking desk that warns readers about scams and false claims that travel through messengers,
            social networks and e-mail: fake support teams, false security notices, bots that impersonate public services.

            Every advisory says what is claimed, gives our verdict on the [rating scale](/en/methodology), shows the evidence
            (redacted screenshots, the numbers and links involved, our sources) and tells readers what to do.

            We publish in Arabic, Ukrainian and English. We are non-partisan: we check claims by their evidence, whoever
            makes them, and we apply the same standards to every platform and brand.
            """),
        ("about", "ar", "من نحن", """
            نحن فريق لتدقيق المعلومات يحذّر القرّاء من الاحتيال والادعاءات الكاذبة التي تنتشر عبر تطبيقات المراسلة
            والشبكات الاجتماعية والبريد الإلكتروني: فرق دعم مزيفة، وإشعارات أمنية كاذبة، وروبوتات تنتحل صفة الخدمات العامة.

            يذكر كل تحذير ما يُدّعى، ويعطي حكمنا وفق [سلّم التقييم](/ar/methodology)، ويعرض الأدلة (لقطات شاشة محجوبة
            البيانات، والأرقام والروابط المستخدمة، ومصادرنا)، ويخبر القرّاء بما عليهم فعله.

            ننشر بالعربية والأوكرانية والإنجليزية. لا ننحاز لأي طرف: نفحص الادعاءات بأدلتها أيّاً كان قائلها، ونطبّق
            المعايير نفسها على كل منصة وعلامة تجارية.
            """),
        ("about", "uk", "Про нас", """
            Ми — редакція фактчекінгу, яка попереджає читачів про шахрайство та неправдиві твердження, що поширюються
            в месенджерах, соцмережах і електронній пошті: фальшиві служби підтримки, неправдиві сповіщення безпеки,
            боти, що видають себе за державні сервіси.

            Кожне попередження пояснює, що саме стверджують, дає наш вердикт за [шкалою оцінок](/uk/methodology), показує
            докази (знімки екрана з прихованими даними, номери й посилання, наші джерела) і каже читачам, що робити.

            Ми публікуємо арабською, українською та англійською. Ми позапартійні: перевіряємо твердження за доказами,
            хоч би хто їх робив, і застосовуємо однакові стандарти до кожної платформи й бренду.
            """),
        ("team", "en", "Our team", """
            Our advisories are written by editors and checked by a second editor before they are published; the names
            of the authors appear on every advisory.

            An Admin of this site lists the desk's editors here, with their roles and the languages they work in.
            """),
        ("team", "ar", "فريقنا", """
            يكتب تحذيراتنا محررون ويراجعها محرر ثانٍ قبل نشرها، وتظهر أسماء كتّاب كل تحذير عليه.

            يُدرج مسؤول الموقع هنا أسماء محرري الفريق وأدوارهم واللغات التي يعملون بها.
            """),
        ("team", "uk", "Наша команда", """
            Наші попередження пишуть редактори, а перед публікацією перевіряє другий редактор; імена авторів
            зазначені в кожному попередженні.

            Адміністратор сайту перелічує тут редакторів команди, їхні ролі та мови, якими вони працюють.
            """),
        ("funding", "en", "Funding and ownership", """
            We say who owns this desk and who pays for its work, so readers can judge our independence for themselves.

            An Admin of this site lists here the owner, every source of funding that makes up more than 5% of the
            yearly budget, and how funders are kept away from editorial decisions. No funder can ask us to check,
            or not to check, a claim.
            """),
        ("funding", "ar", "التمويل والملكية", """
            نعلن من يملك هذا الفريق ومن يموّل عمله، ليحكم القرّاء بأنفسهم على استقلاليتنا.

            يُدرج مسؤول الموقع هنا الجهة المالكة، وكل مصدر تمويل يزيد على 5% من الميزانية السنوية، وكيف نُبعد
            المموّلين عن القرارات التحريرية. لا يحق لأي مموّل أن يطلب منا تدقيق ادعاء أو الامتناع عن تدقيقه.
            """),
        ("funding", "uk", "Фінансування та власність", """
            Ми повідомляємо, кому належить редакція і хто оплачує її роботу, щоб читачі могли самі оцінити нашу незалежність.

            Адміністратор сайту перелічує тут власника, кожне джерело фінансування, що становить понад 5% річного
            бюджету, і те, як фінансувальників відсторонено від редакційних рішень. Жоден фінансувальник не може
            просити нас перевірити чи не перевіряти твердження.
            """),
        ("corrections-policy", "en", "Corrections policy", """
            When we get something wrong we correct it openly. A correction changes the advisory, adds a dated note
            at its end saying what changed and why, and appears in the [corrections log](/en/corrections). An update
            that adds new facts is marked as an update.

            If a verdict changes, the note says so, and the feeds and structured data carry the new verdict. We withdraw
            an advisory only when it should never have been published; the page then says why.

            To report an error, see [Contact](/en/contact). We answer every report.
            """),
        ("corrections-policy", "ar", "سياسة التصحيح", """
            عندما نخطئ نصحّح علناً. يغيّر التصحيح نص التحذير، ويضيف في آخره ملاحظة مؤرخة تشرح ما تغيّر ولماذا،
            ويظهر في [سجل التصحيحات](/ar/corrections). والتحديث الذي يضيف وقائع جديدة يُعلَّم على أنه تحديث.

            إذا تغيّر الحكم ذكرت الملاحظة ذلك، وتحمل الخلاصات والبيانات المنظّمة الحكم الجديد. لا نسحب تحذيراً إلا إذا
            كان لا ينبغي نشره أصلاً، وعندها تشرح الصفحة السبب.

            للإبلاغ عن خطأ راجع صفحة [اتصل بنا](/ar/contact). نردّ على كل بلاغ.
            """),
        ("corrections-policy", "uk", "Політика виправлень", """
            Коли ми помиляємося, ми виправляємо відкрито. Виправлення змінює попередження, додає в кінці датовану
            примітку про те, що і чому змінилося, і з'являється в [журналі виправлень](/uk/corrections). Оновлення
            з новими фактами позначене як оновлення.

            Якщо змінюється вердикт, примітка про це каже, а стрічки та структуровані дані несуть новий вердикт.
            Ми відкликаємо попередження лише тоді, коли його не слід було публікувати; сторінка тоді пояснює чому.

            Щоб повідомити про помилку, дивіться [Контакти](/uk/contact). Ми відповідаємо на кожне повідомлення.
            """),
        ("contact", "en", "Contact us", """
            **To report an error** in an advisory, write to us with the address of the page and what is wrong.

            **To report a scam** or ask us to check a message, send a screenshot and tell us where and when you received
            it. Hide your own phone number and names before you send it. Never send us passwords or one-time codes.

            An Admin of this site lists here the desk's e-mail address and other ways to reach it.
            """),
        ("contact", "ar", "اتصل بنا", """
            **للإبلاغ عن خطأ** في تحذير، راسلنا بعنوان الصفحة وما الخطأ فيها.

            **للإبلاغ عن احتيال** أو لطلب فحص رسالة، أرسل لقطة شاشة وأخبرنا أين ومتى وصلتك. أخفِ رقم هاتفك والأسماء
            قبل الإرسال. لا ترسل لنا أبداً كلمات مرور أو رموز تحقق.

            يُدرج مسؤول الموقع هنا عنوان البريد الإلكتروني للفريق وطرق التواصل الأخرى.
            """),
        ("contact", "uk", "Контакти", """
            **Щоб повідомити про помилку** в попередженні, напишіть нам адресу сторінки і що в ній не так.

            **Щоб повідомити про шахрайство** або попросити перевірити повідомлення, надішліть знімок екрана і скажіть,
            де й коли ви його отримали. Перед надсиланням приховайте свій номер телефону та імена. Ніколи не надсилайте
            нам паролі чи одноразові коди.

            Адміністратор сайту перелічує тут адресу електронної пошти редакції та інші способи зв'язку.
            """),
    ];
}
