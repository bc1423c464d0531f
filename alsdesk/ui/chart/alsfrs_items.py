"""ALSFRS-R items and their answer descriptions, from the published scale (Cedarbaum et al. 1999)."""

from __future__ import annotations

from alsdesk.i18n import N_

# key: (item title, descriptions for scores 4, 3, 2, 1, 0)
ITEMS: dict[str, tuple[str, tuple[str, str, str, str, str]]] = {
    "1": (
        N_("1. Speech"),
        (
            N_("Normal speech processes"),
            N_("Detectable speech disturbance"),
            N_("Intelligible with repeating"),
            N_("Speech combined with nonvocal communication"),
            N_("Loss of useful speech"),
        ),
    ),
    "2": (
        N_("2. Salivation"),
        (
            N_("Normal"),
            N_("Slight but definite excess of saliva in mouth; may have nighttime drooling"),
            N_("Moderately excessive saliva; may have minimal drooling"),
            N_("Marked excess of saliva with some drooling"),
            N_("Marked drooling; requires constant tissue or handkerchief"),
        ),
    ),
    "3": (
        N_("3. Swallowing"),
        (
            N_("Normal eating habits"),
            N_("Early eating problems: occasional choking"),
            N_("Dietary consistency changes"),
            N_("Needs supplemental tube feeding"),
            N_("NPO (exclusively parenteral or enteral feeding)"),
        ),
    ),
    "4": (
        N_("4. Handwriting"),
        (
            N_("Normal"),
            N_("Slow or sloppy: all words are legible"),
            N_("Not all words are legible"),
            N_("Able to grip pen but unable to write"),
            N_("Unable to grip pen"),
        ),
    ),
    "5a": (
        N_("5a. Cutting food and handling utensils (no gastrostomy)"),
        (
            N_("Normal"),
            N_("Somewhat slow and clumsy, but no help needed"),
            N_("Can cut most foods, although clumsy and slow; some help needed"),
            N_("Food must be cut by someone, but can still feed slowly"),
            N_("Needs to be fed"),
        ),
    ),
    "5b": (
        N_("5b. Cutting food and handling utensils (with gastrostomy)"),
        (
            N_("Normal"),
            N_("Clumsy but able to perform all manipulations independently"),
            N_("Some help needed with closures and fasteners"),
            N_("Provides minimal assistance to caregiver"),
            N_("Unable to perform any aspect of task"),
        ),
    ),
    "6": (
        N_("6. Dressing and hygiene"),
        (
            N_("Normal function"),
            N_("Independent and complete self-care with effort or decreased efficiency"),
            N_("Intermittent assistance or substitute methods"),
            N_("Needs attendant for self-care"),
            N_("Total dependence"),
        ),
    ),
    "7": (
        N_("7. Turning in bed and adjusting bed clothes"),
        (
            N_("Normal"),
            N_("Somewhat slow and clumsy, but no help needed"),
            N_("Can turn alone or adjust sheets, but with great difficulty"),
            N_("Can initiate, but not turn or adjust sheets alone"),
            N_("Helpless"),
        ),
    ),
    "8": (
        N_("8. Walking"),
        (
            N_("Normal"),
            N_("Early ambulation difficulties"),
            N_("Walks with assistance"),
            N_("Nonambulatory functional movement only"),
            N_("No purposeful leg movement"),
        ),
    ),
    "9": (
        N_("9. Climbing stairs"),
        (
            N_("Normal"),
            N_("Slow"),
            N_("Mild unsteadiness or fatigue"),
            N_("Needs assistance"),
            N_("Cannot do"),
        ),
    ),
    "10": (
        N_("10. Dyspnea"),
        (
            N_("None"),
            N_("Occurs when walking"),
            N_("Occurs with one or more of: eating, bathing, dressing (ADL)"),
            N_("Occurs at rest: difficulty breathing when either sitting or lying"),
            N_("Significant difficulty: considering using mechanical respiratory support"),
        ),
    ),
    "11": (
        N_("11. Orthopnea"),
        (
            N_("None"),
            N_(
                "Some difficulty sleeping at night due to shortness of breath; does not routinely use more than two pillows",
            ),
            N_("Needs extra pillows in order to sleep (more than two)"),
            N_("Can only sleep sitting up"),
            N_("Unable to sleep"),
        ),
    ),
    "12": (
        N_("12. Respiratory insufficiency"),
        (
            N_("None"),
            N_("Intermittent use of BiPAP (NIV)"),
            N_("Continuous use of BiPAP (NIV) during the night"),
            N_("Continuous use of BiPAP (NIV) during the night and day"),
            N_("Invasive mechanical ventilation by intubation or tracheostomy"),
        ),
    ),
}
